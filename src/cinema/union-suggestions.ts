/**
 * Suggestions for the union a booking is for, from the names of earlier bookings: the names containing
 * what was typed (all of them when nothing is), most booked first, then in Chinese order.
 */
export function unionSuggestions(earlier: readonly string[], typed: string, limit = 8): string[] {
  const counts = new Map<string, number>();
  for (const name of earlier) counts.set(name, (counts.get(name) ?? 0) + 1);
  const query = typed.trim();
  return [...counts.entries()]
    .filter(([name]) => name !== query && name.includes(query))
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b, 'zh-CN'))
    .slice(0, limit)
    .map(([name]) => name);
}
