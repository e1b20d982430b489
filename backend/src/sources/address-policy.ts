import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Ranges an upstream URL may not point at unless allow-listed: loopback, private, link-local, CGNAT. */
const PRIVATE_RANGES: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['::', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
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
    for (const [address, prefix, type] of PRIVATE_RANGES) this.privateRanges.addSubnet(address, prefix, type);
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
      if (this.privateRanges.check(address, type)) {
        return {
          allowed: false,
          reason: `host ${host} is a private, loopback or link-local address (${address}); add it to SOURCE_ALLOWED_HOSTS to allow it`,
        };
      }
    }
    return { allowed: true };
  }
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}
