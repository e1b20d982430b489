import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PORTFOLIOS, type LiveTopic, type Principal } from '@switchyard/contracts';
import { DataScopeService } from '../../auth';
import { ResourceNotFoundException } from '../../common';
import { LiveRoutes, needs, type SourceChange, type TopicDecision, type TopicUpdate } from '../../realtime';
import { feedsDashboards, PORTFOLIO_SOURCES } from '../portfolio-sources';
import { PortfolioService } from '../portfolio.service';
import { DashboardFeed } from './dashboard-feed';
import { PortfolioLiveRepository } from './portfolio-live.repository';
import { portfolioTopics } from './portfolio-topics';

/**
 * The portfolio's live routes: `domain:projects|financials|risks`, the dashboard topics and
 * seed 001's portfolio and project rooms (open to whoever may read them by REST, with the
 * same data scopes), and the executive blueprint's `subscribe:dashboard` / `request:metrics`.
 */
type Topic<K extends LiveTopic['kind']> = Extract<LiveTopic, { kind: K }>;

@Injectable()
export class PortfolioLiveRoutes implements OnModuleInit {
  constructor(
    private readonly routes: LiveRoutes,
    private readonly lookups: PortfolioLiveRepository,
    private readonly scopes: DataScopeService,
    private readonly portfolios: PortfolioService,
    private readonly feed: DashboardFeed,
  ) {}

  onModuleInit(): void {
    this.routes.register({
      owner: 'portfolio',
      domainTopics: {
        projects: { sources: PORTFOLIO_SOURCES.projects, permission: 'projects.read' },
        financials: { sources: PORTFOLIO_SOURCES.financials, permission: 'financials.read' },
        risks: { sources: PORTFOLIO_SOURCES.risks, permission: 'risks.read' },
      },
      touched: (change) => this.touched(change),
      access: {
        dashboard: (principal, topic) => this.dashboard(principal, topic),
        portfolio: (principal, topic) => this.portfolio(principal, topic),
        project: (principal, topic) => this.project(principal, topic),
      },
      requests: this.feed.requests(),
    });
  }

  private async touched(change: SourceChange): Promise<TopicUpdate[]> {
    if (!feedsDashboards(change.domain)) return [];
    const projects = change.recordIds
      ? await this.lookups.projectsOf(change.domain, change.sourceId, change.recordIds)
      : [];
    return portfolioTopics(change, projects);
  }

  /** `dashboard:<portfolio>`: `dashboard.read` and the portfolio in scope (`All` is everyone's, scoped per row). */
  private dashboard(principal: Principal, topic: Topic<'dashboard'>): TopicDecision {
    const denied = needs(principal, 'dashboard.read', topic);
    if (!denied.granted || topic.portfolio === 'All') return denied;
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

  /** `portfolio:<name>`: the same portfolio, permission and scope as its dashboard topic. */
  private portfolio(principal: Principal, topic: Topic<'portfolio'>): TopicDecision {
    const decision = this.dashboard(principal, { kind: 'dashboard', portfolio: topic.portfolio });
    if (decision.granted && topic.portfolio === 'All') {
      return { granted: false, code: 'not_found', reason: `no portfolio All: use ${PORTFOLIOS.join(', ')}` };
    }
    return decision.granted ? { granted: true, topic } : decision;
  }

  /** `project:<id>`: whoever may read that project by REST (`projects.read`, the project in scope). */
  private async project(principal: Principal, topic: Topic<'project'>): Promise<TopicDecision> {
    const denied = needs(principal, 'projects.read', topic);
    if (!denied.granted) return denied;
    try {
      await this.portfolios.getProject(topic.projectId, principal);
      return denied;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) {
        return { granted: false, code: 'not_found', reason: `no project ${topic.projectId}` };
      }
      throw error;
    }
  }
}
