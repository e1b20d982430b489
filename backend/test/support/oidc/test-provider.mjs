// A real OpenID provider (oidc-provider) on loopback for the medium and browser tests.
// Run: node test-provider.mjs [port]   — prints `ready <issuer>` once listening.
// oidc-provider ships ES modules only, so it runs in its own process rather than inside jest.
//
// Control API (loopback only, JSON):
//   PUT  /_control/users/:id         { email, name, groups }   — who can sign in, with which groups
//   POST /_control/clients           { clientId, clientSecret, redirectUris?, postLogoutRedirectUris? }
//   POST /_control/rotate-keys                                   — sign with a new key, old one still published
//   PUT  /_control/id-token-mutation { mode: null | 'tamper' | 'nonce' | 'audience' | 'expired' }
//   POST /_control/revoke-token      { token }  — the JWT introspection endpoint reports it inactive
// oidc-provider does not introspect its JWT access tokens, so /introspect-jwt answers RFC 7662
// for them (client authentication by HTTP Basic, as a provider's endpoint would ask).
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.argv[2] ?? 0);
const API_RESOURCE = process.env.TEST_PROVIDER_RESOURCE ?? 'https://switchyard.test/api';

const users = new Map();
const clients = [];
let mutation = null;
const revokedJtis = new Set();
let keys = [await newKey()];
let provider;

async function newKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return {
    ...jwk,
    kid: `k${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    alg: 'RS256',
    use: 'sig',
  };
}

function configuration() {
  return {
    clients,
    jwks: { keys },
    cookies: { keys: ['test-provider-cookie-key'] },
    // Claims of the granted scopes go into the ID token itself (Switchyard reads only the ID token).
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups', 'switchyard.read', 'switchyard.write', 'offline_access'],
    async findAccount(_ctx, id) {
      const user = users.get(id);
      if (!user) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: user.email,
          email_verified: true,
          name: user.name,
          groups: user.groups,
        }),
      };
    },
    // Consent is implied for these test clients: every requested OIDC scope is granted.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile groups');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: autoSubmitLogout },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => ({
          scope: 'switchyard.read switchyard.write',
          audience: resource,
          accessTokenTTL: 600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    ttl: { AccessToken: 600, ClientCredentials: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    pkce: { required: () => true },
  };
}

// Confirms the sign-out at the provider at once ("yes, sign me out"), as an end user would.
async function autoSubmitLogout(ctx, form) {
  const confirm = `const f = document.forms[0]; const i = document.createElement('input');
i.type = 'hidden'; i.name = 'logout'; i.value = 'yes'; f.appendChild(i); f.submit();`;
  ctx.body = `<!doctype html><html><body>${form}<script>${confirm}</script></body></html>`;
}

function build(issuer) {
  const instance = new Provider(issuer, configuration());
  instance.proxy = false;
  // Rewrites the ID token of the next token response, to test that Switchyard refuses it.
  instance.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || !mutation || !ctx.body || typeof ctx.body.id_token !== 'string') return;
    ctx.body = { ...ctx.body, id_token: await mutate(ctx.body.id_token, mutation) };
    mutation = null;
  });
  return instance;
}

async function mutate(idToken, mode) {
  if (mode === 'tamper') {
    const [header, payload, signature] = idToken.split('.');
    const claims = { ...decodeJwt(idToken), groups: ['switchyard-master-admins'] };
    return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
  }
  const claims = decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  if (mode === 'nonce') claims.nonce = 'not-the-nonce-switchyard-sent';
  if (mode === 'audience') claims.aud = 'some-other-client';
  if (mode === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  const { kid } = decodeProtectedHeader(idToken);
  const jwk = keys.find((k) => k.kid === kid);
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(await importJWK(jwk, 'RS256'));
}

async function readJson(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
}

async function readForm(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return Object.fromEntries(new URLSearchParams(raw));
}

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(type === 'application/json' ? JSON.stringify(body) : body);
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function control(req, res, path) {
  const user = /^\/_control\/users\/([\w.@-]+)$/.exec(path);
  if (req.method === 'PUT' && user) {
    const body = await readJson(req);
    users.set(user[1], { email: body.email, name: body.name ?? user[1], groups: body.groups ?? [] });
    return send(res, 200, { ok: true });
  }
  if (req.method === 'POST' && path === '/_control/clients') {
    const body = await readJson(req);
    clients.push({
      client_id: body.clientId,
      client_secret: body.clientSecret,
      redirect_uris: body.redirectUris ?? [],
      post_logout_redirect_uris: body.postLogoutRedirectUris ?? [],
      grant_types: body.redirectUris?.length ? ['authorization_code', 'client_credentials'] : ['client_credentials'],
      response_types: body.redirectUris?.length ? ['code'] : [],
      scope: 'openid email profile groups switchyard.read switchyard.write',
    });
    provider = build(provider.issuer);
    return send(res, 200, { ok: true });
  }
  if (req.method === 'POST' && path === '/_control/rotate-keys') {
    keys = [await newKey(), ...keys];
    provider = build(provider.issuer);
    return send(res, 200, { kid: keys[0].kid });
  }
  if (req.method === 'PUT' && path === '/_control/id-token-mutation') {
    mutation = (await readJson(req)).mode ?? null;
    return send(res, 200, { ok: true });
  }
  if (req.method === 'POST' && path === '/_control/revoke-token') {
    revokedJtis.add(decodeJwt((await readJson(req)).token).jti);
    return send(res, 200, { ok: true });
  }
  return send(res, 404, { error: 'unknown control route' });
}

async function introspectJwt(req, res) {
  const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
    .toString()
    .split(':');
  if (!clients.some((c) => c.client_id === id && c.client_secret === secret)) {
    return send(res, 401, { error: 'invalid_client' });
  }
  const { token } = await readForm(req);
  try {
    const claims = decodeJwt(token);
    const active = claims.exp * 1000 > Date.now() && !revokedJtis.has(claims.jti);
    return send(res, 200, active ? { active, ...claims } : { active });
  } catch {
    return send(res, 200, { active: false });
  }
}

// Sign-in form: the test (or the browser test) types the user id of an account set up through the control API.
async function interaction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, { error: 'interaction mismatch' });
  if (req.method === 'GET') {
    const html = `<!doctype html><html><head><title>Test provider sign-in</title></head><body>
<h1>Test provider</h1><form method="post" action="/interaction/${escape(uid)}">
<label>User <input name="login" autocomplete="username"></label>
<button type="submit">Continue</button></form></body></html>`;
    return send(res, 200, html, 'text/html; charset=utf-8');
  }
  const { login } = await readForm(req);
  if (!users.has(login)) return send(res, 400, '<p>unknown user</p>', 'text/html; charset=utf-8');
  return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
}

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const handle = path.startsWith('/_control/')
    ? control(req, res, path)
    : path === '/introspect-jwt'
      ? introspectJwt(req, res)
      : path.startsWith('/interaction/')
        ? interaction(req, res, path.split('/')[2])
        : Promise.resolve(provider.callback()(req, res));
  handle.catch((error) => {
    process.stderr.write(`test provider: ${error.stack ?? error}\n`);
    if (!res.headersSent) send(res, 500, { error: String(error.message ?? error) });
  });
});

server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  provider = build(issuer);
  process.stdout.write(`ready ${issuer}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
