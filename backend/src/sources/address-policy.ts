import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Ranges an upstream URL may not point at unless allow-listed: loopback, private, link-local,
 * CGNAT, and every special-purpose range of the IANA registries that is not the public
 * internet (benchmarking, documentation, multicast, reserved, broadcast, NAT64, 6to4, Teredo).
 */
const BLOCKED_RANGES: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  // Multicast, then reserved (240/4) up to and including the broadcast address.
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001::', 23, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Stops sources from being pointed at the inside of the network (SSRF). A host is
 * checked by name and by every address it resolves to; allow-listed hosts, addresses
 * and CIDR ranges pass.
 */
export class AddressPolicy {
  private readonly privateRanges = new BlockList();
  private readonly allowedRanges = new BlockList();
  private readonly allowedNames = new Set<string>();

  constructor(allowed: string[]) {
    for (const [address, prefix, type] of BLOCKED_RANGES) this.privateRanges.addSubnet(address, prefix, type);
    for (const entry of allowed) this.allow(entry);
  }

  allow(entry: string): void {
    const [address, prefix] = entry.split('/');
    const family = isIP(address);
    if (family === 0) {
      this.allowedNames.add(entry.toLowerCase());
    } else if (prefix === undefined) {
      this.allowedRanges.addAddress(address, family === 4 ? 'ipv4' : 'ipv6');
    } else {
      this.allowedRanges.addSubnet(address, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    }
  }

  async check(url: string): Promise<AddressVerdict> {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (this.allowedNames.has(host)) return { allowed: true };
    const addresses = isIP(host) ? [host] : await resolve(host);
    if (addresses.length === 0) return { allowed: false, reason: `host ${host} does not resolve` };
    for (const address of addresses) {
      const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
      if (this.allowedRanges.check(address, type)) continue;
      // An IPv6 form that carries an IPv4 address (NAT64, 6to4, IPv4-compatible) is judged by both;
      // allowing an IPv4 address does not allow its disguises, only the form written in the list.
      const embedded = type === 'ipv6' ? embeddedIPv4(address) : null;
      const blocked =
        this.privateRanges.check(address, type) || (embedded !== null && this.privateRanges.check(embedded, 'ipv4'));
      if (blocked) {
        return {
          allowed: false,
          reason: `host ${host} is a private, loopback, link-local or reserved address (${address}); add it to SOURCE_ALLOWED_HOSTS to allow it`,
        };
      }
    }
    return { allowed: true };
  }
}

/**
 * The IPv4 address inside an IPv6 one that routes to it: IPv4-compatible (`::a.b.c.d`,
 * `::7f00:1`), IPv4-mapped, NAT64 (`64:ff9b::/96`) and 6to4 (`2002:aabb:ccdd::`).
 */
export function embeddedIPv4(address: string): string | null {
  const groups = ipv6Groups(address);
  if (!groups) return null;
  const quad = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  const zero = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (groups[0] === 0x2002) return quad(groups[1], groups[2]);
  const lastTwo = quad(groups[6], groups[7]);
  if (zero(0, 5) && (groups[5] === 0 || groups[5] === 0xffff)) return lastTwo;
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return lastTwo;
  return null;
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a dotted-quad tail expanded). */
function ipv6Groups(address: string): number[] | null {
  let text = address.split('%')[0].toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const part = (value: string | undefined) => (value ? value.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return null;
  const groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}
