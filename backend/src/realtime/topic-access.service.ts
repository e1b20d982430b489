import { Injectable } from '@nestjs/common';
import { parseLiveTopic, type LiveTopic, type Principal } from '@switchyard/contracts';
import { ResourceNotFoundException } from '../common';
import { SourcesService } from '../sources';
import { LiveRoutes, needs, type TopicDecision } from './live-routes';

export type { TopicDecision } from './live-routes';

const CHANNEL_PERMISSION = {
  alerts: 'alerts.read',
  ops: 'ops.read',
  integrations: 'integrations.read',
  datapoints: 'ops.read',
} as const;

/**
 * A topic is open to whoever may call the REST route behind it, with the same data scopes.
 * Realtime decides its own topics (`source:<id>` needs `sources.read` and a source the
 * principal can see; channels their permission; `user:<id>` is its owner's); the module
 * owning a topic kind decides the rest (`domain:<name>` by the permission it registered,
 * `dashboard:`, `portfolio:`, `project:`, `crm:` by its access rules).
 */
@Injectable()
export class TopicAccessService {
  constructor(
    private readonly sources: SourcesService,
    private readonly routes: LiveRoutes,
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
      case 'source':
        return this.source(principal, topic);
      case 'domain': {
        const permission = this.routes.domainPermission(topic.domain);
        return permission
          ? needs(principal, permission, topic)
          : { granted: false, code: 'not_found', reason: `no module serves domain:${topic.domain}` };
      }
      case 'channel':
        return needs(principal, CHANNEL_PERMISSION[topic.channel], topic);
      case 'user':
        // Seed 001's `user:<id>` room: your own alerts, and only yours.
        return principal.kind === 'user' && principal.id === topic.userId
          ? { granted: true, topic }
          : { granted: false, code: 'forbidden', reason: 'you may follow only your own user:<id> topic' };
      default: {
        const rule = this.routes.accessRule(topic.kind);
        return rule
          ? rule(principal, topic)
          : { granted: false, code: 'not_found', reason: `no module serves ${topic.kind} topics` };
      }
    }
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
