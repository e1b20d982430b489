import { Injectable } from '@nestjs/common';
import type { AuditEntry } from './audit/audit.service';

/** The security metrics counted from Switchyard's own sign-ins, tokens and audit log. */
export const SECURITY_COUNTS = ['failed_auth_attempts', 'token_refusals', 'audit_events'] as const;
export type SecurityCount = (typeof SECURITY_COUNTS)[number];

/** Audit actions whose failure is a failed sign-in: password logins and client credentials at /auth/token. */
const SIGN_IN_ACTIONS = new Set(['auth.login', 'auth.token']);

/**
 * In-memory counts of this replica's failed sign-ins, refused tokens and audit events since
 * the last drain. The security metrics aggregator drains them on its interval and writes one
 * data point per metric; each replica writes its own counts, which the charts add up.
 */
@Injectable()
export class SecurityCounters {
  private counts = emptyCounts();

  /** Every audit event counts; a failed or refused sign-in also counts as a failed attempt. */
  noteAudit(entry: Pick<AuditEntry, 'action' | 'outcome'>): void {
    this.counts.audit_events += 1;
    if (entry.outcome === 'success') return;
    if (SIGN_IN_ACTIONS.has(entry.action)) this.counts.failed_auth_attempts += 1;
    else if (entry.action === 'auth.refresh_reuse') this.counts.token_refusals += 1;
  }

  /** A Bearer token that was sent and refused: bad signature, expired, revoked or malformed. */
  noteTokenRefused(): void {
    this.counts.token_refusals += 1;
  }

  /** Puts back counts that could not be written, to go out with the next drain. */
  restore(counts: Record<SecurityCount, number>): void {
    for (const name of SECURITY_COUNTS) this.counts[name] += counts[name];
  }

  /** The counts since the last drain, and a fresh start. */
  drain(): Record<SecurityCount, number> {
    const counts = this.counts;
    this.counts = emptyCounts();
    return counts;
  }
}

function emptyCounts(): Record<SecurityCount, number> {
  return { failed_auth_attempts: 0, token_refusals: 0, audit_events: 0 };
}
