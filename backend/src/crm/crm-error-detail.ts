import type { CrmTenantSyncStatus, Freshness, Permission, Principal, SourceFreshness } from '@switchyard/contracts';

/** Who may read an upstream's own error text: the roles allowed raw sync data. */
export const RAW_ERROR_PERMISSION: Permission = 'sync.raw_read';

/** What every other CRM reader sees instead of the upstream's words (seed 004: no user-facing error details). */
export const GENERIC_SYNC_ERROR = 'The last sync with the CRM failed; an administrator can see the details.';

type SyncError = CrmTenantSyncStatus['sources'][number]['lastError'];

export function mayReadErrorDetail(principal: Principal | undefined): boolean {
  return principal?.permissions.includes(RAW_ERROR_PERMISSION) ?? false;
}

/** The freshness reason without the upstream error text it may quote. */
export function withoutErrorDetail(reason: string | null): string | null {
  if (reason === null) return null;
  if (reason.startsWith('never loaded: ')) return 'never loaded: the last attempt failed';
  return reason.replace(/ \(last error: [\s\S]*\)$/, ' (the last attempt failed)');
}

export function redactFreshness(freshness: Freshness, principal: Principal | undefined): Freshness {
  if (mayReadErrorDetail(principal)) return freshness;
  return { ...freshness, sources: freshness.sources.map((s) => redactSource(s)) };
}

export function redactSource<T extends SourceFreshness>(source: T): T {
  return { ...source, reason: withoutErrorDetail(source.reason) };
}

/** The error's code, category and time stay (Switchyard's own words); its message becomes generic. */
export function redactSyncError(error: SyncError, principal: Principal | undefined): SyncError {
  if (error === null || mayReadErrorDetail(principal)) return error;
  return { ...error, message: GENERIC_SYNC_ERROR };
}
