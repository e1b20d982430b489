import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import {
  worstFreshnessState,
  type CrmActivityPage,
  type CrmHotListPage,
  type CrmLeadDetail,
  type CrmLeadPage,
  type CrmLeadStats,
  type CrmNotePage,
  type CrmPipeline,
  type CrmSyncStatus,
  type CrmTenantSyncStatus,
  type Freshness,
  type Principal,
  type SourceDomain,
} from '@switchyard/contracts';
import { DataScopeService } from '../auth';
import { redactFreshness } from './crm-error-detail';
import {
  Clock,
  ComputedCache,
  PreparedAnswer,
  prepareMembers,
  ResourceNotFoundException,
  toPage,
  type PageWindow,
  type PreparedMembers,
  type Stamped,
} from '../common';
import { DataChanges } from '../events';
import { FreshnessService, SourcesService, type SourceEntity } from '../sources';
import { summarizeLeads, summarizePipeline } from './crm-aggregates';
import { isCrmDomain } from './crm-sources';
import { toActivity, toHotListItem, toLead, toNote } from './crm.mappers';
import { CrmRepository, type ActivityFilters, type LeadFilters, type NoteFilters } from './crm.repository';

const isCrmSource = (source: SourceEntity): boolean => isCrmDomain(source.domain);
/** A page of leads holds no clock-driven figures; this only bounds a lost change message. */
const LEAD_PAGE_MAX_AGE_MS = 60_000;

/**
 * The CRM dashboards' rules: every read is for one tenant (brand) the caller may see,
 * and every answer carries the freshness of the sources behind it, so a failed sync
 * still answers with the last good rows and says how old they are.
 */
@Injectable()
export class CrmService implements OnModuleDestroy {
  /**
   * Pages of leads per tenant and query, serialized once and kept until that data changes (here
   * or on another replica); shared, since the tenant check is the only caller-dependent part.
   */
  private readonly leadPages = new ComputedCache<PreparedMembers>(LEAD_PAGE_MAX_AGE_MS, 500);
  private readonly subscription: Subscription;

  constructor(
    private readonly crm: CrmRepository,
    private readonly sources: SourcesService,
    private readonly freshness: FreshnessService,
    private readonly scopes: DataScopeService,
    private readonly clock: Clock,
    changes: DataChanges,
  ) {
    this.subscription = changes.changes$.subscribe((change) => {
      if (change.domain === null || change.domain === 'crm-leads') this.leadPages.invalidate();
    });
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
  }

  async leads(
    principal: Principal,
    tenant: string,
    filters: LeadFilters,
    window: PageWindow,
  ): Promise<PreparedAnswer<CrmLeadPage>> {
    await this.requireTenant(principal, tenant);
    // The tenant check above is the only part that depends on the caller: the page is shared.
    const key = JSON.stringify([tenant, filters, window]);
    const page = await this.leadPages.get(key, async () => {
      const [rows, count] = await this.crm.listLeads(tenant, filters, window);
      return prepareMembers(toPage(window, rows.map(toLead), count));
    });
    const freshness = await this.freshnessOf(principal, tenant, 'crm-leads');
    return PreparedAnswer.withFreshness<CrmLeadPage>(page, freshness);
  }

  async lead(principal: Principal, tenant: string, id: string): Promise<CrmLeadDetail> {
    await this.requireTenant(principal, tenant);
    const row = await this.crm.findLead(tenant, id);
    if (!row) throw new ResourceNotFoundException('lead', id);
    return { ...toLead(row), freshness: await this.freshnessOf(principal, tenant, 'crm-leads') };
  }

  async leadStats(principal: Principal, tenant: string): Promise<Stamped<CrmLeadStats>> {
    await this.requireTenant(principal, tenant);
    const summary = summarizeLeads(await this.crm.countLeads(tenant));
    return { tenant, ...summary, freshness: await this.freshnessOf(principal, tenant, 'crm-leads') };
  }

  async pipeline(principal: Principal, tenant: string): Promise<Stamped<CrmPipeline>> {
    await this.requireTenant(principal, tenant);
    const summary = summarizePipeline(await this.crm.dealsOf(tenant), this.clock.now());
    return { tenant, ...summary, freshness: await this.freshnessOf(principal, tenant, 'crm-pipeline') };
  }

  async hotList(
    principal: Principal,
    tenant: string,
    status: string | undefined,
    window: PageWindow,
  ): Promise<Stamped<CrmHotListPage>> {
    await this.requireTenant(principal, tenant);
    const [rows, total] = await this.crm.listHotList(tenant, status, window);
    return {
      ...toPage(window, rows.map(toHotListItem), total),
      freshness: await this.freshnessOf(principal, tenant, 'crm-hot-list'),
    };
  }

  async notes(
    principal: Principal,
    tenant: string,
    filters: NoteFilters,
    window: PageWindow,
  ): Promise<Stamped<CrmNotePage>> {
    await this.requireTenant(principal, tenant);
    const [rows, total] = await this.crm.listNotes(tenant, filters, window);
    return {
      ...toPage(window, rows.map(toNote), total),
      freshness: await this.freshnessOf(principal, tenant, 'crm-notes'),
    };
  }

  async schedule(
    principal: Principal,
    tenant: string,
    filters: { from?: string; status?: string },
    window: PageWindow,
  ): Promise<Stamped<CrmActivityPage>> {
    await this.requireTenant(principal, tenant);
    const query: ActivityFilters = {
      from: filters.from ? new Date(filters.from) : this.clock.now(),
      status: filters.status,
    };
    const [rows, total] = await this.crm.listActivities(tenant, query, window);
    const leadNames = await this.crm.leadNames(
      tenant,
      rows.map((r) => r.leadExternalId).filter((id): id is string => !!id),
    );
    return {
      ...toPage(
        window,
        rows.map((r) => toActivity(r, leadNames)),
        total,
      ),
      freshness: await this.freshnessOf(principal, tenant, 'crm-schedule'),
    };
  }

  /** One entry per tenant the caller may see, or only the one asked for. */
  async syncStatus(principal: Principal, tenant: string | undefined): Promise<Stamped<CrmSyncStatus>> {
    const crmSources = (await this.sources.known()).filter(isCrmSource);
    let tenants = [...new Set(crmSources.map((s) => s.tenant).filter((t): t is string => t !== null))].sort();
    tenants = tenants.filter((t) => this.scopes.allowsTenant(principal, t));
    if (tenant !== undefined) {
      if (!tenants.includes(tenant)) throw new ResourceNotFoundException('tenant', tenant);
      tenants = [tenant];
    }
    // What the vendor itself said is for readers of raw errors only; everyone gets the plain cause.
    const rawErrors = principal.permissions.includes('sync.raw_read');
    const answers: CrmTenantSyncStatus[] = [];
    for (const t of tenants) {
      // The upstream's own words: only in `lastError.detail`, for raw readers; reasons never quote them.
      const summary = redactFreshness(
        await this.freshness.summarize((s) => isCrmSource(s) && s.tenant === t, rawErrors),
        principal,
      );
      answers.push(tenantSyncStatus(t, summary));
    }
    return { tenants: answers };
  }

  /** Outside the caller's scopes reads exactly like a tenant that does not exist. */
  private async requireTenant(principal: Principal, tenant: string): Promise<void> {
    if (this.scopes.allowsTenant(principal, tenant)) {
      const sources = await this.sources.known();
      if (sources.some((s) => isCrmSource(s) && s.tenant === tenant)) return;
    }
    throw new ResourceNotFoundException('tenant', tenant);
  }

  private async freshnessOf(principal: Principal, tenant: string, domain: SourceDomain): Promise<Freshness> {
    const freshness = await this.freshness.summarize((s) => s.domain === domain && s.tenant === tenant);
    return redactFreshness(freshness, principal);
  }
}

export function tenantSyncStatus(tenant: string, summary: Freshness): CrmTenantSyncStatus {
  const sources = summary.sources;
  const successes = sources.map((s) => s.lastSuccessAt);
  const lastSuccessAt =
    successes.length === 0 || successes.includes(null)
      ? null
      : (successes as string[]).reduce((oldest, at) => (at < oldest ? at : oldest));
  const state = sources.length === 0 ? 'unavailable' : worstFreshnessState(sources.map((s) => s.state));
  const worst = sources.find((s) => s.state === state && s.reason !== null);
  return { tenant, lastSuccessAt, state, reason: worst ? `${worst.name}: ${worst.reason}` : null, sources };
}
