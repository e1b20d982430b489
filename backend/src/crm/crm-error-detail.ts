import type { Freshness, Permission, Principal, SourceFreshness } from '@switchyard/contracts';

/** Who may read an upstream's own error text: the roles allowed raw sync data. */
export const RAW_ERROR_PERMISSION: Permission = 'sync.raw_read';

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

/**
 * Seed 004: no user-facing error details. The reason loses any quoted upstream error, and the
 * last error keeps Switchyard's plain cause (code, category, time) without the vendor's words.
 */
export function redactSource<T extends SourceFreshness>(source: T): T {
  const lastError = source.lastError === null ? null : { ...source.lastError, detail: null };
  return { ...source, reason: withoutErrorDetail(source.reason), lastError };
}
