import type { AccessClaims } from '../principal';
import type { AccessTokensService } from './access-tokens.service';
import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const principal = { id: 'u1' };
  let current = true;
  // The claims rule itself is AccessTokensService's (medium-tested); here only whether it holds.
  const access = {
    acceptClaims: (claims: { exp?: unknown }) =>
      current && typeof claims.exp === 'number' ? { principal, expiresAt: new Date(claims.exp * 1000) } : null,
    stillCurrent: () => current,
  } as unknown as AccessTokensService;
  const claims = (expInSeconds: number) =>
    ({ sub: 'u1', kind: 'user', exp: Math.floor(Date.now() / 1000) + expInSeconds }) as unknown as AccessClaims;

  beforeEach(() => {
    current = true;
  });

  it('answers a remembered token with the principal built when it was verified', () => {
    const tokens = new VerifiedTokens(access);
    expect(tokens.accept('t')).toBeNull();
    tokens.remember('t', claims(60));
    expect(tokens.accept('t')?.principal).toBe(principal);
  });

  it('forgets a token once its principal is no longer current (revoked, disabled, demoted)', () => {
    const tokens = new VerifiedTokens(access);
    tokens.remember('t', claims(60));
    current = false;
    expect(tokens.accept('t')).toBeNull();
    current = true;
    expect(tokens.accept('t')).toBeNull(); // forgotten: it must be verified again
  });

  it('never answers an expired token, and remembers no token the claims rule refuses', () => {
    const tokens = new VerifiedTokens(access);
    tokens.remember('old', claims(-1));
    expect(tokens.accept('old')).toBeNull();
    current = false;
    tokens.remember('refused', claims(60));
    current = true;
    expect(tokens.accept('refused')).toBeNull();
  });
});
