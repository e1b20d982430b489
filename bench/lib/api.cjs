// Talking to a benchmarked app over its API: a token for a bench user (every data scope),
// and a POST helper that fails the benchmark on anything but 201.
const dist = (path) => require(`../../dist/backend/${path}`);

/** An access token for a bench user with `role` and every data scope, issued by the app itself. */
async function benchToken(app, role) {
  const { AccessTokensService, userPrincipal } = dist('auth');
  const principal = userPrincipal({
    id: `00000000-0000-4000-8000-${Buffer.from(role).toString('hex').slice(0, 12).padEnd(12, '0')}`,
    email: `bench-${role}@bench.local`,
    displayName: `bench ${role}`,
    roles: [role],
    dataScopes: { tenants: '*', departments: '*', teams: '*', portfolios: '*' },
  });
  return (await app.get(AccessTokensService).issue(principal)).token;
}

/** POSTs JSON to `api` + path with the bearer token; throws unless the answer is 201. */
function poster(api, token) {
  return async (path, body) => {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  };
}

module.exports = { benchToken, poster };
