import type { Freshness, Permission, Principal, SourceFreshness } from '@switchyard/contracts';

/** Who may read an upstream's own error text: the roles allowed raw sync data. */
export const RAW_ERROR_PERMISSION: Permission = 'sync.raw_read';

/** What every other CRM reader sees instead of the error (seed 004: no user-facing error details). */
export const GENERIC_SYNC_ERROR = 'The last sync with the CRM failed; an administrator can see the details.';

export function mayReadErrorDetail(principal: Principal | undefined): boolean {
  return principal?.permissions.includes(RAW_ERROR_PERMISSION) ?? false;
}

/** The freshness reason without the upstream error text it may quote. */
export function withoutErrorDetail(reason: string | null): string | null {
  if (reason === null) return null;
  if (reason.startsWith('never loaded: ')) return 'never loaded: the last attempt failed';
  if (reason.startsWith('last sync failed: ')) return reason.replace(/^last sync failed: [^;]*/, 'last sync failed');
  return reason.replace(/ \(last error: [\s\S]*\)$/, ' (the last attempt failed)');
}

export function redactFreshness(freshness: Freshness, principal: Principal | undefined): Freshness {
  if (mayReadErrorDetail(principal)) return freshness;
  return { ...freshness, sources: freshness.sources.map((s) => redactSource(s)) };
}

/**
 * Seed 004: no user-facing error details. The reason loses any quoted error, and the last error
 * keeps its code, category and time with a generic message (no status, no vendor words).
 */
export function redactSource<T extends SourceFreshness>(source: T): T {
  const lastError =
    source.lastError === null ? null : { ...source.lastError, message: GENERIC_SYNC_ERROR, detail: null };
  return { ...source, reason: withoutErrorDetail(source.reason), lastError };
}
