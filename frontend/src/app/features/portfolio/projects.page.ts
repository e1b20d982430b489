import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PORTFOLIOS, PRIORITIES, PROJECT_STATUSES, type ProjectView, type ScopeList } from '@switchyard/contracts';
import { ChartComponent } from '../../charts/chart.component';
import { AuthService } from '../../core/auth/auth.service';
import { formatMoney, formatPercent } from '../../core/format-number';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { WidgetComponent } from '../../shared/widget.component';
import { windowedList } from '../../shared/windowed-list';
import { healthBandChart, PROJECT_STATUS_TONE, projectStatusChart } from './portfolio-charts';
import { PortfolioDataService } from './portfolio-data.service';
import { ListPageComponent } from '../../shared/list-page.component';

/** The portfolios a data scope covers, in the usual order; all of them for '*' or no scope. */
export function visiblePortfolios(scope: ScopeList | undefined): readonly string[] {
  return scope === undefined || scope === '*' ? PORTFOLIOS : PORTFOLIOS.filter((p) => scope.includes(p));
}

/** Projects: filters and pages through the API, the health distribution of everything that matches. */
@Component({
  selector: 'sy-projects-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartComponent, DataDelayedComponent, FormsModule, ListPageComponent, WidgetComponent],
  templateUrl: './projects.page.html',
})
export class ProjectsPage {
  private readonly data = inject(PortfolioDataService);
  /** Only the portfolios this user's data scope lets them see (all of them for '*'). */
  protected readonly portfolios = visiblePortfolios(inject(AuthService).principal()?.dataScopes.portfolios);
  protected readonly statuses = PROJECT_STATUSES;
  protected readonly priorities = PRIORITIES;

  protected readonly portfolio = signal('');
  protected readonly status = signal('');
  protected readonly priority = signal('');
  protected readonly page = signal(1);
  protected readonly pageSize = 25;

  private readonly filters = computed(() => ({
    portfolio: this.portfolio(),
    status: this.status(),
    priority: this.priority(),
  }));
  /** One live resource on domain:projects: the charts read the window, the table a page of it. */
  private readonly matching = windowedList({
    filters: this.filters,
    page: this.page,
    pageSize: this.pageSize,
    load: (q) => this.data.projects(q),
    topics: () => ['domain:projects'],
  });
  protected readonly projects = this.matching.list;
  protected readonly statusChart = computed(() => projectStatusChart(this.matching.window()?.items ?? []));
  protected readonly bandChart = computed(() => healthBandChart(this.matching.window()?.items ?? []));

  protected readonly columns: TableColumn<ProjectView>[] = [
    { key: 'name', header: 'Project', value: (p) => p.name, link: (p) => `/portfolio/projects/${p.id}` },
    { key: 'portfolio', header: 'Portfolio', value: (p) => p.portfolio },
    { key: 'status', header: 'Status', value: (p) => p.status, tone: (p) => PROJECT_STATUS_TONE[p.status] },
    { key: 'priority', header: 'Priority', value: (p) => p.priority },
    { key: 'health', header: 'Health', value: (p) => p.healthScore, numeric: true },
    {
      key: 'complete',
      header: 'Complete',
      value: (p) => p.percentComplete,
      display: (p) => formatPercent(p.percentComplete, 0),
      numeric: true,
    },
    { key: 'budget', header: 'Budget', value: (p) => p.budget, display: (p) => formatMoney(p.budget), numeric: true },
    {
      key: 'actual',
      header: 'Actual',
      value: (p) => p.actualCost,
      display: (p) => formatMoney(p.actualCost),
      numeric: true,
    },
    { key: 'risks', header: 'Open risks', value: (p) => p.openRisks, numeric: true },
    { key: 'owner', header: 'Owner', value: (p) => p.owner.name },
  ];
}
