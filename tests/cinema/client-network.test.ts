import { describe, expect, it } from 'vitest';
import { clientNetwork } from '../../src/cinema/client-network';

describe('clientNetwork', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(clientNetwork('198.51.100.7')).toBe('198.51.100.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const network = '2001:db8:1:2::/64';
    for (const address of [
      '2001:db8:1:2::1',
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:0DB8:0001:0002:0000:0000:0000:0001',
      '2001:db8:1:2:0:0:192.0.2.1',
      '2001:db8:1:2::192.0.2.1',
    ]) {
      expect(clientNetwork(address), address).toBe(network);
    }
    expect(clientNetwork('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('fe80::')).toBe('fe80:0:0:0::/64');
  });

  it('counts an IPv4 address written as IPv6 (IPv4-mapped) as that IPv4 address', () => {
    expect(clientNetwork('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientNetwork('::FFFF:c633:6407')).toBe('198.51.100.7');
    expect(clientNetwork('0:0:0:0:0:ffff:198.51.100.7')).toBe('198.51.100.7');
  });

  it('leaves anything that is not an address as it is', () => {
    for (const text of ['unknown', '', '1::2::3', '1:2:3:4:5:6:7:8:9', '2001:db8::12345', '::ffff:300.1.1.1', '1:2:3:4:5:6:7', 'g::1']) {
      expect(clientNetwork(text), text).toBe(text);
    }
  });
});
