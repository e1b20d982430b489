import { Injectable } from '@nestjs/common';
import type { Principal } from '@switchyard/contracts';
import type { AccessClaims } from '../principal';
import { AccessTokensService } from './access-tokens.service';

/** Claims of a verified access token (passport-jwt hands `exp` along with ours). */
type VerifiedClaims = AccessClaims & { exp?: unknown };

/** Tokens remembered at most; the oldest is forgotten first. */
const MAX_TOKENS = 10_000;

/**
 * Access tokens whose signature, issuer, audience and type passport-jwt already checked,
 * with their claims, so a client's next request with the same token skips the RS256
 * verification and the building of its principal. A token is remembered until its `exp`, and
 * every use still passes the principal-version check of `acceptClaims` (revoked, disabled,
 * demoted, or every token after a compromised key) — the in-memory check a freshly verified
 * token passes.
 */
@Injectable()
export class VerifiedTokens {
  private readonly tokens = new Map<
    string,
    { claims: VerifiedClaims; accepted: { principal: Principal; expiresAt: Date } }
  >();

  constructor(private readonly access: AccessTokensService) {}

  remember(token: string, claims: VerifiedClaims): void {
    const accepted = this.access.acceptClaims(claims);
    if (!accepted) return;
    if (this.tokens.size >= MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value as string);
    this.tokens.set(token, { claims, accepted });
  }

  /** The principal of a remembered, unexpired and still accepted token; null otherwise. */
  accept(token: string): { principal: Principal; expiresAt: Date } | null {
    const entry = this.tokens.get(token);
    if (!entry) return null;
    if (entry.accepted.expiresAt.getTime() <= Date.now() || !this.access.stillCurrent(entry.claims)) {
      this.tokens.delete(token);
      return null;
    }
    return entry.accepted;
  }
}
