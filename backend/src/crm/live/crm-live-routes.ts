import { Injectable, type OnModuleInit } from '@nestjs/common';
import { formatLiveTopic, type LiveTopic, type LiveUpdate, type Principal } from '@switchyard/contracts';
import { DataScopeService } from '../../auth';
import { LiveRoutes, needs, type SourceChange, type TopicDecision, type TopicUpdate } from '../../realtime';
import { SourcesService } from '../../sources';
import { mayReadErrorDetail, redactFreshness, withoutErrorDetail } from '../crm-error-detail';
import { CRM_SOURCES, isCrmDomain } from '../crm-sources';

/**
 * The CRM's live routes: `crm:<tenant>` carries every change of the tenant's CRM sources,
 * is open to `crm.read` holders with the tenant in scope, and shows the upstream's own
 * error text only to readers of raw sync data (seed 004), as the REST routes do.
 */
@Injectable()
export class CrmLiveRoutes implements OnModuleInit {
  constructor(
    private readonly routes: LiveRoutes,
    private readonly scopes: DataScopeService,
    private readonly sources: SourcesService,
  ) {}

  onModuleInit(): void {
    this.routes.register({
      owner: 'crm',
      touched: (change) => Promise.resolve(crmTopics(change)),
      access: { crm: (principal, topic) => this.crm(principal, topic) },
      audience: { crm: crmAudience },
    });
  }

  private async crm(principal: Principal, topic: Extract<LiveTopic, { kind: 'crm' }>): Promise<TopicDecision> {
    const denied = needs(principal, 'crm.read', topic);
    if (!denied.granted) return denied;
    if (!this.scopes.allowsTenant(principal, topic.tenant)) {
      return { granted: false, code: 'forbidden', reason: `tenant ${topic.tenant} is outside your data scope` };
    }
    // A tenant exists when a CRM source serves it, as on the REST routes: an all-tenants
    // principal (a service client) is not granted a made-up one.
    const sources = await this.sources.known();
    return sources.some((s) => isCrmDomain(s.domain) && s.tenant === topic.tenant)
      ? denied
      : { granted: false, code: 'not_found', reason: `no tenant ${topic.tenant}` };
  }
}

/** A CRM source's change on its tenant's topic, with the record ids. */
export function crmTopics(change: SourceChange): TopicUpdate[] {
  if (!change.tenant || !isCrmDomain(change.domain)) return [];
  return [
    {
      topic: formatLiveTopic({ kind: 'crm', tenant: change.tenant }),
      data: { ...(change.detail as object), domain: change.domain },
      freshness: { kind: 'domains', domains: CRM_SOURCES.tenant, tenant: change.tenant },
    },
  ];
}

/** Seed 004's "no user-facing error details" on `crm:<tenant>`: the upstream's words only for raw readers. */
export function crmAudience(principal: Principal, update: LiveUpdate): LiveUpdate {
  if (mayReadErrorDetail(principal)) return update;
  const data = update.data as { reason?: unknown } | null;
  const redactedData =
    data && typeof data === 'object' && typeof data.reason === 'string'
      ? { ...data, reason: withoutErrorDetail(data.reason) }
      : update.data;
  const freshness = update.freshness ? redactFreshness(update.freshness, undefined) : update.freshness;
  return { ...update, data: redactedData, freshness };
}
