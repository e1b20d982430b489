import { ALL_DATA, type SubscribeAck } from '@switchyard/contracts';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { connectLive, type LiveClient } from '../../test/support/live-client';
import { crmTestSource, startSyncTestbed, type SyncTestbed } from '../../test/support/sync-testbed';
import { clientPrincipal, claimsOf, userPrincipal } from './principal';
import { PrincipalVersionsService } from './revocation/principal-versions.service';
import { ACCESS_TOKEN_TYPE, AccessTokensService } from './tokens/access-tokens.service';
import { SigningKeysService, TOKEN_ALGORITHM } from './tokens/signing-keys.service';

// Security issue 19, item 9: REST and the live socket verify tokens the same way, a topic
// that is not a string is a validation error, and a service client is not granted a topic
// of a tenant that does not exist.
describe('one token verification path, and topics checked like the REST routes', () => {
  let bed: SyncTestbed;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    bed = await startSyncTestbed({ seed: 9 });
    await bed.createSource(crmTestSource(bed.simulator.url, 'token-paths-leads', 'leads'));
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await bed.close();
  });

  /** A token signed with the app's own key and every claim right, but some registered ones left out. */
  const forgedWithout = async (missing: 'exp' | 'sub'): Promise<string> => {
    const app = bed.app.app;
    const principal = userPrincipal({
      id: randomUUID(),
      email: 'forged@test.local',
      displayName: 'forged',
      roles: ['master_admin'],
      dataScopes: ALL_DATA,
    });
    const stamp = await app.get(PrincipalVersionsService).stampFor('user', principal.id);
    const { kid, privateKey } = app.get(SigningKeysService).signingKey();
    const claims = { ...claimsOf(principal), ...stamp } as Record<string, unknown>;
    if (missing === 'sub') delete claims.sub;
    const now = Math.floor(Date.now() / 1000);
    let jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(bed.app.config.auth.issuer)
      .setAudience(bed.app.config.auth.audience)
      .setIssuedAt(now)
      .setJti(randomUUID());
    if (missing !== 'exp') jwt = jwt.setExpirationTime(now + 300);
    return jwt.sign(privateKey);
  };

  const me = async (token: string) =>
    (await fetch(`${bed.app.baseUrl}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;

  it.each(['exp', 'sub'] as const)(
    'refuses a correctly signed token without %s on REST as on the socket',
    async (claim) => {
      const token = await forgedWithout(claim);
      expect(await me(token)).toBe(401);
      const sources = await fetch(`${bed.app.baseUrl}/api/v1/sources`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(sources.status).toBe(401);
      await expect(connectLive(bed.app.baseUrl, token)).rejects.toThrow(/unauthenticated/);
    },
  );

  it('still accepts the tokens it issues, on both', async () => {
    const token = await bed.app.tokenFor('master_admin');
    expect(await me(token)).toBe(200);
    const client = await connectLive(bed.app.baseUrl, token);
    clients.push(client);
    expect(client.socket.connected).toBe(true);
  });

  it('answers a topic that is not a string with invalid_topic, not an internal error', async () => {
    const client = await connectLive(bed.app.baseUrl, await bed.app.tokenFor('master_admin'));
    clients.push(client);
    const errorsBefore = bed.app.logs.filter((l) => l.msg === 'live client event failed').length;
    for (const topics of [{ toString: 1 }, [{ valueOf: 'x' }, 'alerts'], [null], 42]) {
      const ack = await client.request<SubscribeAck & { code?: string }>('subscribe', { topics });
      expect(ack.code).toBeUndefined();
      const refused = ack.results.filter((r) => !r.granted);
      expect(refused.length).toBeGreaterThan(0);
      for (const result of refused) expect(result).toMatchObject({ granted: false, code: 'invalid_topic' });
    }
    const resume = await client.request<{ ok: boolean; code: string }>('resume', {
      topic: { toString: 1 },
      afterSeq: 0,
    });
    expect(resume).toMatchObject({ ok: false, code: 'invalid_topic' });
    expect(bed.app.logs.filter((l) => l.msg === 'live client event failed').length).toBe(errorsBefore);
  });

  it('refuses a service client a topic of a tenant that does not exist', async () => {
    const service = clientPrincipal({
      id: randomUUID(),
      name: 'reporting service',
      scopes: ['read:dashboard'],
      dataScopes: ALL_DATA,
    });
    const { token } = await bed.app.app.get(AccessTokensService).issue(service);
    const client = await connectLive(bed.app.baseUrl, token);
    clients.push(client);
    const ack = await client.request<SubscribeAck>('subscribe', { topics: ['crm:Green-Leaf', 'crm:acme-fitness'] });
    expect(ack.results.find((r) => r.topic === 'crm:Green-Leaf')).toMatchObject({ granted: false, code: 'not_found' });
    expect(ack.results.find((r) => r.topic === 'crm:acme-fitness')).toMatchObject({ granted: true });
    const stream = await fetch(`${bed.app.baseUrl}/api/v1/stream?topics=crm:Green-Leaf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(stream.status).toBe(404);
    expect(await stream.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
