import { clientIp, ipBucket } from '../src/middleware/request-context';

/** Review A6: per-IP limits key IPv6 clients by their /64, IPv4 (mapped or not) by the address. */
describe('Client address and rate-limit bucket', () => {
  test('When two addresses share an IPv6 /64, then they share one bucket; another /64 is another bucket', () => {
    const a = ipBucket('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:0db8:0001:0002::1')).toBe(a);
    expect(ipBucket('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(a);
    expect(ipBucket('2001:DB8:1:2::42')).toBe(a); // case-insensitive
    expect(ipBucket('fe80::1:2:3:4%eth0')).toBe('fe80:0:0:0::/64'); // zone id dropped
    expect(ipBucket('2001:db8:1:3::1')).not.toBe(a);
    expect(ipBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });

  test('When the address is IPv4 or IPv4-mapped IPv6, then the bucket is the IPv4 address itself', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(ipBucket('::ffff:203.0.113.8')).not.toBe(ipBucket('::ffff:203.0.113.7')); // not all of ::ffff:0:0/96 in one bucket
  });

  test('When the input is not an address, then it is keyed as it is (never thrown on)', () => {
    expect(ipBucket(undefined)).toBe('unknown');
    expect(ipBucket('unknown')).toBe('unknown');
    expect(ipBucket('1:2:3')).toBe('1:2:3');
    expect(ipBucket('1::2::3')).toBe('1::2::3');
    expect(ipBucket('::ffff:999.1.1.1')).toBe('::ffff:999.1.1.1');
    expect(ipBucket('::1')).toBe('0:0:0:0::/64');
  });

  test('When logging and forwarding, then the full address is kept (only IPv4-mapped is unwrapped)', () => {
    expect(clientIp('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(clientIp('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientIp('203.0.113.7')).toBe('203.0.113.7');
    expect(clientIp(undefined)).toBe('unknown');
  });
});
