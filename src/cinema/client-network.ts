/**
 * What the per-address limits count as one client: an IPv4 address as it is, an IPv6 address by its /64
 * (one customer line gets a whole /64, 2^64 addresses to hop between), an IPv4-mapped IPv6 address as
 * its IPv4 address. The IPv6 forms (`::`, leading zeros, upper case, a dotted IPv4 tail) are
 * normalised, so one /64 has one key. Text that is not an address is returned as it is.
 */
export function clientNetwork(address: string): string {
  const groups = ipv6Groups(address);
  if (!groups) return address;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address in text (RFC 4291 §2.2), or undefined if it is not one. */
function ipv6Groups(text: string): number[] | undefined {
  let rest = text.toLowerCase();
  const tail: number[] = [];
  const dotted = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(rest);
  if (dotted) {
    const octets = dotted.slice(2).map(Number);
    if (octets.some((octet) => octet > 255)) return undefined;
    tail.push((octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!);
    rest = dotted[1]!.endsWith('::') ? dotted[1]! : dotted[1]!.slice(0, -1);
  }
  const halves = rest.split('::');
  if (halves.length > 2) return undefined;
  const parsed = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (parsed.some((groups) => groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group)))) return undefined;
  const [head, after = []] = parsed.map((groups) => groups.map((group) => parseInt(group, 16)));
  const given = head!.length + after.length + tail.length;
  // `::` stands for one or more zero groups; without it all eight are written.
  if (halves.length === 2 ? given > 7 : given !== 8) return undefined;
  return [...head!, ...Array<number>(8 - given).fill(0), ...after, ...tail];
}
