import { Injectable } from '@nestjs/common';
import {
  parseLiveTopic,
  PORTFOLIOS,
  type LiveDomain,
  type LiveTopic,
  type Permission,
  type Principal,
  type TopicRefusalCode,
} from '@switchyard/contracts';
import { DataScopeService } from '../auth';
import { ResourceNotFoundException } from '../common';
import { PortfolioService } from '../portfolio';
import { SourcesService } from '../sources';

export type TopicDecision =
  { granted: true; topic: LiveTopic } | { granted: false; code: TopicRefusalCode; reason: string };

/** The REST permission behind each `domain:<name>` topic. */
const DOMAIN_PERMISSION: Record<LiveDomain, Permission> = {
  summary: 'dashboard.read',
  projects: 'projects.read',
  financials: 'financials.read',
  risks: 'risks.read',
  people: 'people.read',
  events: 'events.read',
  incidents: 'incidents.read',
};

const CHANNEL_PERMISSION = {
  alerts: 'alerts.read',
  ops: 'ops.read',
  integrations: 'integrations.read',
  datapoints: 'ops.read',
} as const;

/**
 * A topic is open to whoever may call the REST route behind it, with the same data scopes:
 * `crm:<tenant>` needs `crm.read` and the tenant, `source:<id>` needs `sources.read` and a
 * source the principal can see, `dashboard:<portfolio>` needs `dashboard.read` and the portfolio.
 */
@Injectable()
export class TopicAccessService {
  constructor(
    private readonly scopes: DataScopeService,
    private readonly sources: SourcesService,
    private readonly projects: PortfolioService,
  ) {}

  async decide(principal: Principal, name: unknown): Promise<TopicDecision> {
    const topic = typeof name === 'string' ? parseLiveTopic(name) : null;
    if (!topic) {
      return {
        granted: false,
        code: 'invalid_topic',
        reason:
          'not a topic: use dashboard:<portfolio>, source:<id>, domain:<name>, crm:<tenant>, user:<id>, portfolio:<name>, project:<id>, alerts, ops, integrations or datapoints',
      };
    }
    switch (topic.kind) {
      case 'dashboard':
        return this.dashboard(principal, topic);
      case 'source':
        return this.source(principal, topic);
      case 'domain':
        return needs(principal, DOMAIN_PERMISSION[topic.domain], topic);
      case 'crm':
        return this.crm(principal, topic);
      case 'channel':
        return needs(principal, CHANNEL_PERMISSION[topic.channel], topic);
      case 'user':
        // Seed 001's `user:<id>` room: your own alerts, and only yours.
        return principal.kind === 'user' && principal.id === topic.userId
          ? { granted: true, topic }
          : { granted: false, code: 'forbidden', reason: 'you may follow only your own user:<id> topic' };
      case 'portfolio': {
        // The same portfolio, permission and scope as its dashboard topic.
        const decision = this.dashboard(principal, { kind: 'dashboard', portfolio: topic.portfolio });
        if (decision.granted && topic.portfolio === 'All') {
          return { granted: false, code: 'not_found', reason: `no portfolio All: use ${PORTFOLIOS.join(', ')}` };
        }
        return decision.granted ? { granted: true, topic } : decision;
      }
      case 'project':
        return this.project(principal, topic);
    }
  }

  /** `project:<id>`: whoever may read that project by REST (`projects.read`, the project in scope). */
  private async project(principal: Principal, topic: Extract<LiveTopic, { kind: 'project' }>): Promise<TopicDecision> {
    const denied = needs(principal, 'projects.read', topic);
    if (!denied.granted) return denied;
    try {
      await this.projects.getProject(topic.projectId, principal);
      return denied;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) {
        return { granted: false, code: 'not_found', reason: `no project ${topic.projectId}` };
      }
      throw error;
    }
  }

  private dashboard(principal: Principal, topic: Extract<LiveTopic, { kind: 'dashboard' }>): TopicDecision {
    const denied = needs(principal, 'dashboard.read', topic);
    if (!denied.granted) return denied;
    if (topic.portfolio === 'All') return denied;
    if (!(PORTFOLIOS as readonly string[]).includes(topic.portfolio)) {
      return {
        granted: false,
        code: 'not_found',
        reason: `no portfolio ${topic.portfolio}: use ${PORTFOLIOS.join(', ')} or All`,
      };
    }
    const portfolios = this.scopes.portfolios(principal);
    return portfolios === null || portfolios.includes(topic.portfolio)
      ? denied
      : { granted: false, code: 'forbidden', reason: `portfolio ${topic.portfolio} is outside your data scope` };
  }

  private async crm(principal: Principal, topic: Extract<LiveTopic, { kind: 'crm' }>): Promise<TopicDecision> {
    const denied = needs(principal, 'crm.read', topic);
    if (!denied.granted) return denied;
    if (!this.scopes.allowsTenant(principal, topic.tenant)) {
      return { granted: false, code: 'forbidden', reason: `tenant ${topic.tenant} is outside your data scope` };
    }
    // A tenant exists when a CRM source serves it, as on the REST routes: an all-tenants
    // principal (a service client) is not granted a made-up one.
    const sources = await this.sources.findAll();
    return sources.some((s) => s.domain.startsWith('crm-') && s.tenant === topic.tenant)
      ? denied
      : { granted: false, code: 'not_found', reason: `no tenant ${topic.tenant}` };
  }

  private async source(principal: Principal, topic: Extract<LiveTopic, { kind: 'source' }>): Promise<TopicDecision> {
    const denied = needs(principal, 'sources.read', topic);
    if (!denied.granted) return denied;
    const notFound: TopicDecision = { granted: false, code: 'not_found', reason: `no source ${topic.sourceId}` };
    try {
      await this.sources.requireVisible(topic.sourceId, principal);
      return denied;
    } catch (error) {
      // Outside the principal's tenants reads as "does not exist", as on the REST route.
      if (error instanceof ResourceNotFoundException) return notFound;
      throw error;
    }
  }
}

function needs(principal: Principal, permission: Permission, topic: LiveTopic): TopicDecision {
  return principal.permissions.includes(permission)
    ? { granted: true, topic }
    : { granted: false, code: 'forbidden', reason: `this topic needs the ${permission} permission` };
}
