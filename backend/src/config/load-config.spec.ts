import { ConfigError, loadConfig } from './load-config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: 'pglite', dataDir: '.data/pglite' });
    expect(config.http.corsOrigins).toEqual([]);
  });

  it('selects Postgres when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/app', DATABASE_POOL_SIZE: '4' });
    expect(config.database).toMatchObject({ kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/app', poolSize: 4 });
  });

  it('reads integration webhook secrets and keeps the model refinement off by default', () => {
    const config = loadConfig({ INTEGRATION_WEBHOOK_SECRETS: 'gusto=whsec_YWJj|whsec_ZGVm' });
    expect(config.integrations.webhookSecrets).toEqual({ gusto: ['whsec_YWJj', 'whsec_ZGVm'] });
    expect(config.integrations.llm).toBeNull();
  });

  it('reads per-integration webhook source ranges, a bare address as one host', () => {
    const config = loadConfig({
      INTEGRATION_WEBHOOK_ALLOWED_IPS: 'stripe_issuing=3.18.12.63/32|3.130.192.231,procore=2600:1f18::/36',
    });
    expect(config.integrations.webhookAllowedIps).toEqual({
      stripe_issuing: ['3.18.12.63/32', '3.130.192.231/32'],
      procore: ['2600:1f18::/36'],
    });
    const json = loadConfig({ INTEGRATION_WEBHOOK_ALLOWED_IPS: '{"gusto":["10.0.0.0/8"]}' });
    expect(json.integrations.webhookAllowedIps).toEqual({ gusto: ['10.0.0.0/8'] });
  });

  it('parses the CORS allowlist', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://ops.example.com, http://localhost:4200' });
    expect(config.http.corsOrigins).toEqual(['https://ops.example.com', 'http://localhost:4200']);
  });

  it.each([
    ['PORT', 'abc', 'PORT must be a whole number'],
    ['PORT', '70000', 'PORT must be between 1 and 65535'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must be a postgres:// connection URL'],
    ['CORS_ORIGINS', 'ops.example.com', 'CORS_ORIGINS must be a comma-separated list'],
    ['BODY_LIMIT_BYTES', '10', 'BODY_LIMIT_BYTES must be between 1024'],
    ['INTEGRATION_WEBHOOK_SECRETS', 'salesforce=whsec_YWJj', 'INTEGRATION_WEBHOOK_SECRETS unknown integration'],
    ['INTEGRATION_WEBHOOK_ALLOWED_IPS', 'stripe_issuing=3.18.12.0/33', 'is not an IPv4 or IPv6 address or CIDR range'],
    ['INTEGRATION_WEBHOOK_ALLOWED_IPS', 'stripe_issuing=example.com', 'is not an IPv4 or IPv6 address or CIDR range'],
    ['INTEGRATION_WEBHOOK_ALLOWED_IPS', 'salesforce=10.0.0.0/8', 'unknown integration salesforce'],
    ['INTEGRATION_LLM_URL', 'ftp://model', 'INTEGRATION_LLM_URL must be an http(s) URL'],
    ['AUTH_OIDC_PROVIDERS', '{not json', 'AUTH_OIDC_PROVIDERS must be a JSON array'],
    ['AUTH_TRUSTED_ISSUERS', '[{"id":"corp"}]', 'AUTH_TRUSTED_ISSUERS [0.issuer]'],
    ['AUTH_LOCAL_LOGIN_ENABLED', 'nope', 'AUTH_LOCAL_LOGIN_ENABLED must be true or false'],
    ['CLIENT_SECRET_MAX_AGE_DAYS', '0', 'CLIENT_SECRET_MAX_AGE_DAYS must be between 1 and 3650 days'],
  ])('names %s when it is %p', (name, value, expected) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it('never echoes a database URL, which may hold a password', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://admin:s3cret@db' });
    expect(problem).not.toContain('s3cret');
  });

  it('reads single sign-on providers, and never echoes their client secrets', () => {
    const provider = {
      id: 'okta',
      name: 'Okta',
      issuer: 'https://example.okta.com',
      clientId: 'abc',
      clientSecret: 'okta-s3cret',
      claims: ['groups'],
      grants: { 'switchyard-admins': { roles: ['master_admin'] } },
    };
    const config = loadConfig({ AUTH_OIDC_PROVIDERS: JSON.stringify([provider]), AUTH_LOCAL_LOGIN_ENABLED: 'false' });
    expect(config.identity.localLoginEnabled).toBe(false);
    expect(config.identity.oidcProviders[0]).toMatchObject({ id: 'okta', scopes: 'openid email profile' });
    const [problem] = problemsOf({ AUTH_OIDC_PROVIDERS: JSON.stringify([{ ...provider, issuer: 'not a url' }]) });
    expect(problem).toContain('AUTH_OIDC_PROVIDERS [0.issuer]');
    expect(problem).not.toContain('okta-s3cret');
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ PORT: '0', NODE_ENV: 'staging' })).toHaveLength(2);
  });
});
