import type { SourceDomain } from '@switchyard/contracts';

/**
 * The source domains feeding a tenant's CRM answers: each CRM route reads one of them (for
 * the tenant asked), the sync status and the live `crm:<tenant>` topic all of them. REST and
 * live read this one list.
 */
export const CRM_SOURCES = {
  tenant: ['crm-leads', 'crm-pipeline', 'crm-hot-list', 'crm-notes', 'crm-schedule'],
} as const satisfies Record<string, readonly SourceDomain[]>;

export function isCrmDomain(domain: SourceDomain): boolean {
  return (CRM_SOURCES.tenant as readonly SourceDomain[]).includes(domain);
}
