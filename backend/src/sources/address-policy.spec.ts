import { AddressPolicy } from './address-policy';

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
  ])('refuses %s', async (url) => {
    const verdict = await policy.check(url);
    expect(verdict.allowed).toBe(false);
  });

  it('accepts a public address', async () => {
    expect(await policy.check('https://93.184.215.14/api')).toEqual({ allowed: true });
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
