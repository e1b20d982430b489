import { isAllowed, networkOf, parseCidr } from './networks';

describe('client networks', () => {
  it('parses CIDR ranges and single addresses, and refuses anything else', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ address: '10.0.0.0', prefix: 8, family: 'ipv4' });
    expect(parseCidr('2001:db8::/32')).toEqual({ address: '2001:db8::', prefix: 32, family: 'ipv6' });
    expect(parseCidr('192.0.2.1')).toMatchObject({ prefix: 32 });
    for (const bad of ['10.0.0.0/33', 'example.com', '10.0.0/8', '10.0.0.0/8/1', '10.0.0.0/x', '']) {
      expect(parseCidr(bad)).toBeNull();
    }
  });

  it('allows addresses inside a range (also IPv4 seen on an IPv6 socket) and nothing outside', () => {
    const ranges = ['10.20.0.0/16', '2001:db8::/32'];
    expect(isAllowed('10.20.1.2', ranges)).toBe(true);
    expect(isAllowed('::ffff:10.20.9.9', ranges)).toBe(true);
    expect(isAllowed('2001:db8:1::5', ranges)).toBe(true);
    expect(isAllowed('10.21.0.1', ranges)).toBe(false);
    expect(isAllowed(null, ranges)).toBe(false);
    expect(isAllowed('203.0.113.5', [])).toBe(true);
  });

  it('groups addresses by /24 and /64 for anomaly detection', () => {
    expect(networkOf('198.51.100.77')).toBe('198.51.100.0/24');
    expect(networkOf('::ffff:198.51.100.77')).toBe('198.51.100.0/24');
    expect(networkOf('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
  });
});
