import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type {
  DashboardData,
  DateRange,
  FinancialMetrics,
  Freshness,
  Page,
  PortfolioName,
  Principal,
  ProjectView,
  RiskAnalytics,
  RiskView,
} from '@switchyard/contracts';
import { DataScopeService } from '../auth';
import {
  Clock,
  combineTag,
  ComputedCache,
  PreparedAnswer,
  prepareMembers,
  ResourceNotFoundException,
  stableJson,
  toPage,
  ValidationFailedException,
  type PageWindow,
  type PreparedMembers,
} from '../common';
import { AppConfig } from '../config';
import type { SourceDomain } from '@switchyard/contracts';
import type { Subscription } from 'rxjs';
import { DataChanges, type DataChange } from '../events';
import { FreshnessService } from '../sources';
import type { FinancialEntryEntity } from './entities/financial-entry.entity';
import type { ProjectEntity } from './entities/project.entity';
import { monthlyTrends, resolveRange, summarize, type FinancialEntryFigures } from './metrics/financials';
import { portfolioAlerts } from './metrics/portfolio-alerts';
import {
  blueprintHealthScore,
  budgetVariance,
  earnedValue,
  healthScore,
  riskLevelOf,
  scheduleVariance,
} from './metrics/project-metrics';
import { healthTrend, lastMonths, riskTrend } from './metrics/dashboard-trends';
import { analyze, toRiskView } from './metrics/risk-analytics';
import { dashboardKpis } from './metrics/dashboard-kpis';
import { PortfolioRepository, type ProjectQuery } from './portfolio.repository';
import { feedsDashboards, PORTFOLIO_SOURCES } from './portfolio-sources';

export type ProjectFilters = Omit<ProjectQuery, 'scope'>;
type DashboardFigures = Omit<DashboardData, 'freshness' | 'refreshToken' | 'timestamp'>;
/** A computed dashboard with its members serialized once, and their digest. */
interface PreparedFigures extends PreparedMembers {
  figures: DashboardFigures;
}
type DashboardTail = Pick<DashboardData, 'freshness' | 'refreshToken' | 'timestamp'>;
/** Figures that move with the clock alone (risk age in days, overdue milestones) are at most this late. */
const DASHBOARD_MAX_AGE_MS = 60_000;

@Injectable()
export class PortfolioService implements OnModuleInit, OnModuleDestroy {
  private readonly dashboards = new ComputedCache<PreparedFigures>(DASHBOARD_MAX_AGE_MS);
  /** Project views per filter and data scope (what `GET /projects` pages through). */
  private readonly projectLists = new ComputedCache<ProjectView[]>(DASHBOARD_MAX_AGE_MS);
  private readonly projectPages = new ComputedCache<PreparedMembers>(DASHBOARD_MAX_AGE_MS, 500);
  private subscription: Subscription | null = null;
  private readonly tags = new WeakMap<Freshness, Map<string, string>>();

  constructor(
    private readonly repository: PortfolioRepository,
    private readonly freshness: FreshnessService,
    private readonly scopes: DataScopeService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly changes: DataChanges,
  ) {}

  onModuleInit(): void {
    this.subscription = this.changes.changes$.subscribe((change) => {
      if (changesPortfolio(change)) this.forgetComputed();
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Drops every computed dashboard and project list: the data behind them changed (here or on another replica). */
  forgetComputed(): void {
    this.dashboards.invalidate();
    this.projectLists.invalidate();
    this.projectPages.invalidate();
  }

  /** A page of projects, serialized once per filter, data scope and window until the data changes. */
  async listProjects(
    filters: ProjectFilters,
    window: PageWindow,
    principal?: Principal,
  ): Promise<PreparedAnswer<Page<ProjectView> & { freshness: Freshness }>> {
    const scope = this.scopeOf(principal);
    const key = JSON.stringify([filters, scope, this.clock.now().toISOString().slice(0, 10)]);
    const page = await this.projectPages.get(JSON.stringify([key, window]), async () => {
      const views = await this.projectLists.get(key, () => this.projectViews(filters, principal));
      return prepareMembers(toPage(window, views.slice(window.offset, window.offset + window.pageSize), views.length));
    });
    const freshness = await this.freshnessOf(PORTFOLIO_SOURCES.projects);
    return PreparedAnswer.withFreshness<Page<ProjectView> & { freshness: Freshness }>(page, freshness);
  }

  async getProject(id: string, principal?: Principal): Promise<ProjectView & { freshness: Freshness }> {
    const [view] = await this.projectViews({ ids: [id] }, principal);
    if (!view) throw new ResourceNotFoundException('project', id);
    return { ...view, freshness: await this.freshnessOf(PORTFOLIO_SOURCES.projects) };
  }

  async financialMetrics(
    query: { projectIds?: string[]; dateRange: DateRange; startDate?: string; endDate?: string },
    principal?: Principal,
  ): Promise<FinancialMetrics> {
    if (query.dateRange === 'Custom' && (!query.startDate || !query.endDate)) {
      throw new ValidationFailedException([
        { field: query.startDate ? 'endDate' : 'startDate', message: 'dateRange Custom needs startDate and endDate' },
      ]);
    }
    if (query.startDate && query.endDate && query.startDate > query.endDate) {
      throw new ValidationFailedException([{ field: 'endDate', message: 'endDate must not be before startDate' }]);
    }
    const range = resolveRange(query.dateRange, this.clock.now(), query.startDate, query.endDate);
    const projects = await this.repository.findProjects({ ids: query.projectIds, scope: this.scopeOf(principal) });
    const ids = projects.map((p) => p.externalId);
    const entries: FinancialEntryFigures[] = (
      await this.repository.findEntries(ids, range.startDate, range.endDate)
    ).map(toEntryFigures);
    const figures = projects.map((p) => ({ id: p.externalId, ...p }));
    return {
      range: { dateRange: query.dateRange, ...range },
      summary: summarize(figures, entries, range.startDate),
      trends: monthlyTrends(entries),
      earnedValue: figures.map((p) => ({ ...earnedValue(p.id, p), projectName: p.name })),
      freshness: await this.freshnessOf(PORTFOLIO_SOURCES.financials),
    };
  }

  async risks(
    query: { levels?: string[]; statuses?: string[]; projectIds?: string[] },
    window: PageWindow,
    principal?: Principal,
  ): Promise<Omit<Page<RiskView>, 'generatedAt'> & { analytics: RiskAnalytics; freshness: Freshness }> {
    const projects = await this.repository.findProjects({ ids: query.projectIds, scope: this.scopeOf(principal) });
    const now = this.clock.now();
    const views = (await this.repository.findRisks(projects.map((p) => p.externalId)))
      .map((r) => toRiskView({ ...r, id: r.externalId, projectId: r.projectExternalId }, now))
      .filter((r) => !query.levels?.length || query.levels.includes(r.level))
      .filter((r) => !query.statuses?.length || query.statuses.includes(r.status));
    return {
      ...toPage(window, views.slice(window.offset, window.offset + window.pageSize), views.length),
      analytics: analyze(views, now),
      freshness: await this.freshnessOf(PORTFOLIO_SOURCES.risks),
    };
  }

  /**
   * The executive dashboard. Its figures are computed (and serialized) once per portfolio and
   * data scope and reused until projects, risks or financials change; freshness is judged on
   * every call, from the in-memory source state.
   */
  async dashboardData(portfolio: PortfolioName | 'All', principal?: Principal): Promise<DashboardData> {
    const { prepared, tail } = await this.dashboardParts(portfolio, principal);
    return { ...prepared.figures, ...tail };
  }

  /** The dashboard for HTTP: the figures' JSON text as prepared, and the tag a 304 is decided on. */
  async dashboardAnswer(
    portfolio: PortfolioName | 'All',
    principal?: Principal,
  ): Promise<PreparedAnswer<DashboardData>> {
    const { prepared, tail } = await this.dashboardParts(portfolio, principal);
    return new PreparedAnswer<DashboardData>(prepared.body, { ...tail }, tail.refreshToken);
  }

  private async dashboardParts(
    portfolio: PortfolioName | 'All',
    principal?: Principal,
  ): Promise<{ prepared: PreparedFigures; tail: DashboardTail }> {
    const scope = this.scopeOf(principal);
    const now = this.clock.now().toISOString();
    const key = JSON.stringify([portfolio, scope, now.slice(0, 10)]);
    const prepared = await this.dashboards.get(key, async () => {
      const figures = await this.dashboardFigures(portfolio, principal);
      return { figures, ...prepareMembers(figures) };
    });
    const freshness = await this.freshnessOf(PORTFOLIO_SOURCES.dashboard);
    // The blueprint's refreshToken is the ETag's value: same figures and freshness, same token.
    const refreshToken = this.tagOf(prepared, freshness);
    return { prepared, tail: { freshness, refreshToken, timestamp: now } };
  }

  /** The tag of figures with a freshness verdict (verdicts are shared for a second: so are tags). */
  private tagOf(prepared: PreparedFigures, freshness: Freshness): string {
    let tags = this.tags.get(freshness);
    if (!tags) {
      tags = new Map();
      this.tags.set(freshness, tags);
    }
    let tag = tags.get(prepared.digest);
    if (!tag) {
      tag = combineTag(prepared.digest, stableJson(freshness));
      tags.set(prepared.digest, tag);
    }
    return tag;
  }

  private async dashboardFigures(portfolio: PortfolioName | 'All', principal?: Principal): Promise<DashboardFigures> {
    const filters: ProjectFilters = portfolio === 'All' ? {} : { portfolios: [portfolio] };
    const projects = await this.projectViews(filters, principal);
    const now = this.clock.now();
    const risks = (await this.repository.findRisks(projects.map((p) => p.id))).map((r) =>
      toRiskView({ ...r, id: r.externalId, projectId: r.projectExternalId }, now),
    );
    const range = resolveRange('6M', now);
    const entries = (
      await this.repository.findEntries(
        projects.map((p) => p.id),
        range.startDate,
        range.endDate,
      )
    ).map(toEntryFigures);
    const active = projects.filter((p) => p.status !== 'Completed');
    return {
      portfolio,
      kpis: dashboardKpis(projects, risks),
      alerts: portfolioAlerts(projects, risks, this.config.portfolio, now.toISOString().slice(0, 10)).slice(0, 10),
      trends: {
        healthTrend: healthTrend(projects, entries, lastMonths(now)),
        budgetTrend: monthlyTrends(entries),
        riskTrend: riskTrend(risks, lastMonths(now)),
      },
      topProjects: {
        atRisk: projects
          .filter((p) => ['At Risk', 'Behind Schedule', 'Critical'].includes(p.status))
          .sort((a, b) => a.healthScore - b.healthScore)
          .slice(0, 5),
        highPerforming: projects
          .filter((p) => p.status !== 'Completed' && p.scheduleVariance >= 0)
          .sort((a, b) => b.healthScore - a.healthScore)
          .slice(0, 5),
        criticalPath: active
          .filter((p) => p.priority === 'Critical')
          .sort((a, b) => (a.endDate ?? '').localeCompare(b.endDate ?? ''))
          .slice(0, 5),
      },
      projectCount: projects.length,
    };
  }

  private async projectViews(filters: ProjectFilters, principal?: Principal): Promise<ProjectView[]> {
    const projects = await this.repository.findProjects({ ...filters, scope: this.scopeOf(principal) });
    const risks = await this.repository.findRisks(projects.map((p) => p.externalId));
    const today = this.clock.now().toISOString().slice(0, 10);
    return projects.map((p) =>
      toProjectView(
        p,
        risks.filter((r) => r.projectExternalId === p.externalId && r.status !== 'Closed').map((r) => r.score),
        today,
      ),
    );
  }

  private scopeOf(principal?: Principal): ProjectQuery['scope'] {
    return { portfolios: this.scopes.portfolios(principal), teams: this.scopes.teams(principal) };
  }

  private freshnessOf(domains: readonly SourceDomain[]): Promise<Freshness> {
    return this.freshness.summarize((source) => domains.includes(source.domain));
  }
}

function toProjectView(p: ProjectEntity, openRiskScores: number[], today: string): ProjectView {
  return {
    id: p.externalId,
    name: p.name,
    portfolio: p.portfolio,
    status: p.status,
    priority: p.priority,
    owner: { name: p.ownerName, email: p.ownerEmail },
    team: p.team,
    budget: p.budget,
    actualCost: p.actualCost,
    percentComplete: p.percentComplete,
    plannedProgress: p.plannedProgress,
    startDate: p.startDate ? String(p.startDate).slice(0, 10) : null,
    endDate: p.endDate ? String(p.endDate).slice(0, 10) : null,
    strategicGoal: p.strategicGoal,
    strategicGoalId: p.strategicGoal,
    projectManager: p.ownerName,
    milestones: p.milestones.map((m) => ({ ...m, overdue: !m.completed && m.dueDate < today })),
    healthScore: healthScore(p),
    blueprintHealthScore: blueprintHealthScore(p.status),
    riskLevel: riskLevelOf(Math.max(0, ...openRiskScores)),
    budgetVariance: budgetVariance(p),
    scheduleVariance: scheduleVariance(p),
    openRisks: openRiskScores.length,
    updatedAt: p.sourceUpdatedAt?.toISOString() ?? null,
    lastUpdated: p.sourceUpdatedAt?.toISOString() ?? null,
  };
}

function toEntryFigures(e: FinancialEntryEntity): FinancialEntryFigures {
  return {
    projectId: e.projectExternalId,
    month: String(e.month).slice(0, 10),
    budget: e.budget,
    actual: e.actual,
    forecast: e.forecast,
    roi: e.roi,
    cashFlow: e.cashFlow,
    discountRate: e.discountRate,
  };
}

/** A change to the rows dashboards and project lists are computed from (or to any source). */
function changesPortfolio(change: DataChange): boolean {
  return change.domain === null || feedsDashboards(change.domain);
}
