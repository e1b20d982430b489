import { VENDORS } from './types';
import {
  call,
  credentials,
  ENDPOINTS,
  pmToken,
  REAL_API_VENDORS,
  startSimulator,
  type TestSimulator,
} from './spec-helpers';

/** The simulator's own dialects; the real-API vendors answer with their vendor's bodies (see their specs). */
const INVENTED_VENDORS = VENDORS.filter((v) => !(REAL_API_VENDORS as readonly string[]).includes(v));

describe('vendor authentication', () => {
  let t: TestSimulator;
  beforeEach(async () => {
    t = await startSimulator();
  });
  afterEach(() => t.sim.close());

  const tokenRequest = (body: string, headers: Record<string, string> = {}) =>
    call(t.sim, '/pm/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });

  it.each(INVENTED_VENDORS)('%s accepts its demo credential and refuses a missing or wrong one', async (vendor) => {
    const token = vendor === 'pm' ? await pmToken(t.sim) : '';
    expect((await call(t.sim, ENDPOINTS[vendor], { headers: credentials(vendor, token) })).status).toBe(200);

    const missing = await call(t.sim, ENDPOINTS[vendor]);
    expect(missing.status).toBe(401);
    expect(missing.json()).toEqual({ error: 'invalid_token' });

    const wrong = Object.fromEntries(Object.entries(credentials(vendor, token)).map(([k, v]) => [k, `${v}x`]));
    const refused = await call(t.sim, ENDPOINTS[vendor], { headers: wrong });
    expect(refused.status).toBe(401);
    expect(refused.json()).toEqual({ error: 'invalid_token' });
  });

  it('sends a Bearer challenge from bearer-token vendors', async () => {
    const answer = await call(t.sim, ENDPOINTS.hris, { headers: { authorization: 'Bearer nope' } });
    expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('selects the CRM brand by API key and refuses unknown brands', async () => {
    const lead = async (key: string) => call(t.sim, '/crm/api/leads?per_page=1', { headers: { 'x-api-key': key } });
    const acme = await lead('ct-acme-fitness-key');
    const green = await lead('ct-green-leaf-key');
    expect(acme.status).toBe(200);
    expect(green.status).toBe(200);
    expect(acme.text).not.toEqual(green.text);
    expect((await lead('ct-unknown-brand-key')).status).toBe(401);
  });

  describe('pm OAuth2 client credentials', () => {
    it('issues a token for a form body', async () => {
      const answer = await tokenRequest(
        'grant_type=client_credentials&client_id=switchyard&client_secret=pm-demo-secret',
      );
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const body = answer.json<{ access_token: string; token_type: string; expires_in: number }>();
      expect(body.access_token).toMatch(/^[\w-]{20,}$/);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    });

    it('issues a token for HTTP Basic client authentication', async () => {
      const basic = Buffer.from('switchyard:pm-demo-secret').toString('base64');
      const answer = await tokenRequest('grant_type=client_credentials', { authorization: `Basic ${basic}` });
      expect(answer.status).toBe(200);
      const token = answer.json<{ access_token: string }>().access_token;
      const projects = await call(t.sim, '/pm/v2/projects', { headers: { authorization: `Bearer ${token}` } });
      expect(projects.status).toBe(200);
    });

    it('issues a token for a JSON body', async () => {
      const answer = await call(t.sim, '/pm/oauth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: 'switchyard',
          client_secret: 'pm-demo-secret',
        }),
      });
      expect(answer.status).toBe(200);
    });

    it('refuses a wrong secret with invalid_client', async () => {
      const form = await tokenRequest('grant_type=client_credentials&client_id=switchyard&client_secret=wrong');
      expect(form.status).toBe(401);
      expect(form.json()).toEqual({ error: 'invalid_client' });
      const basic = Buffer.from('switchyard:wrong').toString('base64');
      const viaBasic = await tokenRequest('grant_type=client_credentials', { authorization: `Basic ${basic}` });
      expect(viaBasic.status).toBe(401);
      expect(viaBasic.headers.get('www-authenticate')).toContain('Basic');
    });

    it('refuses other grant types', async () => {
      const answer = await tokenRequest('grant_type=password&client_id=switchyard&client_secret=pm-demo-secret');
      expect(answer.status).toBe(400);
      expect(answer.json()).toMatchObject({ error: 'unsupported_grant_type' });
    });

    it('expires tokens after expires_in seconds of simulator time', async () => {
      const token = await pmToken(t.sim);
      const headers = { authorization: `Bearer ${token}` };
      t.clock.advance(3599_000);
      expect((await call(t.sim, '/pm/v2/projects', { headers })).status).toBe(200);
      t.clock.advance(1000);
      const expired = await call(t.sim, '/pm/v2/projects', { headers });
      expect(expired.status).toBe(401);
      expect(expired.json()).toEqual({ error: 'invalid_token' });
    });

    it('refuses a token it never issued', async () => {
      const answer = await call(t.sim, '/pm/v2/risks', { headers: { authorization: 'Bearer made-up' } });
      expect(answer.status).toBe(401);
    });
  });
});
