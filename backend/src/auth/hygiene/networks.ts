import { BlockList, isIP } from 'node:net';

/** `10.0.0.0/8`, `2001:db8::/32` or a single address; null when it is not one. */
export function parseCidr(value: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address, bits, ...rest] = value.trim().split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** Whether `ip` lies in one of the ranges; an empty list allows every address. */
export function isAllowed(ip: string | null, cidrs: readonly string[]): boolean {
  if (cidrs.length === 0) return true;
  if (!ip) return false;
  const address = unmapped(ip);
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  const list = new BlockList();
  for (const cidr of cidrs) {
    const parsed = parseCidr(cidr);
    if (parsed) list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return list.check(address, family);
}

/** The network an address belongs to for anomaly detection: its IPv4 /24 or IPv6 /64. */
export function networkOf(ip: string | null): string {
  if (!ip) return 'unknown';
  const address = unmapped(ip);
  if (isIP(address) === 4) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  const groups = address.split(':');
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** `::ffff:10.1.2.3` (IPv4 seen on an IPv6 socket) is `10.1.2.3`. */
function unmapped(ip: string): string {
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}
