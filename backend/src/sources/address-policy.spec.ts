import { AddressPolicy, embeddedIPv4 } from './address-policy';

describe('AddressPolicy', () => {
  const policy = new AddressPolicy([]);

  it.each([
    'http://127.0.0.1:4319/pm',
    'http://10.1.2.3/',
    'http://172.20.0.5/',
    'http://192.168.1.10/',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]:8080/',
    'http://[fe80::1]/',
    'http://localhost:3000/',
    // IPv4 inside IPv6: compatible, mapped, NAT64, 6to4.
    'http://[::7f00:1]/',
    'http://[::127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://[64:ff9b::7f00:2]/',
    'http://[64:ff9b::169.254.169.254]/',
    'http://[2002:7f00:2::]/',
    'http://[2002:a9fe:a9fe::1]/',
    'http://[64:ff9b:1::1]/',
    'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
    'http://[ff02::1]/',
    'http://[2001:db8::1]/',
    // Reserved IPv4: benchmarking, documentation, multicast, class E, broadcast.
    'http://198.18.0.1/',
    'http://198.19.255.254/',
    'http://192.0.2.1/',
    'http://203.0.113.9/',
    'http://224.0.0.1/',
    'http://239.255.255.250/',
    'http://240.0.0.1/',
    'http://255.255.255.255/',
  ])('refuses %s', async (url) => {
    const verdict = await policy.check(url);
    expect(verdict.allowed).toBe(false);
  });

  it('accepts a public address, also inside NAT64 and 6to4', async () => {
    expect(await policy.check('https://93.184.215.14/api')).toEqual({ allowed: true });
    expect(await policy.check('https://[64:ff9b::5db8:d70e]/api')).toEqual({ allowed: true });
    expect(await policy.check('https://[2002:5db8:d70e::1]/api')).toEqual({ allowed: true });
    expect(await policy.check('https://[2606:4700::1111]/api')).toEqual({ allowed: true });
  });

  it('reads the IPv4 address out of the IPv6 forms that carry one', () => {
    expect(embeddedIPv4('::7f00:1')).toBe('127.0.0.1');
    expect(embeddedIPv4('64:ff9b::7f00:2')).toBe('127.0.0.2');
    expect(embeddedIPv4('2002:7f00:2::')).toBe('127.0.0.2');
    expect(embeddedIPv4('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(embeddedIPv4('2606:4700::1111')).toBeNull();
  });

  it('accepts allow-listed names, addresses and ranges', async () => {
    const allowing = new AddressPolicy(['localhost', '10.0.0.0/8', '192.168.1.10']);
    expect((await allowing.check('http://localhost:4319/')).allowed).toBe(true);
    expect((await allowing.check('http://10.9.9.9/')).allowed).toBe(true);
    expect((await allowing.check('http://192.168.1.10/')).allowed).toBe(true);
    expect((await allowing.check('http://192.168.1.11/')).allowed).toBe(false);
  });

  it('explains how to allow a refused host', async () => {
    const verdict = await policy.check('http://127.0.0.1/');
    expect(verdict).toEqual({ allowed: false, reason: expect.stringContaining('SOURCE_ALLOWED_HOSTS') as unknown });
  });
});
