import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { WorkplaceSummary } from '@switchyard/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { mergeFreshness } from '../../core/freshness-view';
import { formatPercent, formatRatio } from '../../core/format-number';
import { ChartComponent } from '../../charts/chart.component';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import { liveResource } from '../../shared/live-resource';
import { WidgetComponent } from '../../shared/widget.component';
import { PortfolioDataService } from '../portfolio/portfolio-data.service';
import { scorecardChart } from './overview-charts';

/** Executive overview: department scorecards, portfolio KPIs, alerts and projects at risk. */
@Component({
  selector: 'sy-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, ChartComponent, DataDelayedComponent, RouterLink, WidgetComponent],
  templateUrl: './overview.page.html',
})
export class OverviewPage {
  private readonly http = inject(HttpClient);
  private readonly portfolio = inject(PortfolioDataService);
  protected readonly canOpenProjects = inject(AuthService).can('projects.read');

  protected readonly summary = liveResource({
    params: () => ({}),
    load: () => this.http.get<WorkplaceSummary>('/api/v1/summary'),
    topics: () => ['domain:summary'],
  });
  protected readonly dashboard = liveResource({
    params: () => ({ portfolio: 'All' }),
    load: (p) => this.portfolio.dashboard(p.portfolio),
    topics: (p) => [`dashboard:${p.portfolio}`],
  });

  protected readonly freshness = computed(() =>
    mergeFreshness(this.summary.value()?.freshness, this.dashboard.value()?.freshness),
  );
  protected readonly chart = computed(() => scorecardChart(this.summary.value()?.departments ?? []));
  protected readonly kpis = computed(() => {
    const k = this.dashboard.value()?.kpis;
    if (!k) return [];
    return [
      { label: 'Portfolio health', value: k.portfolioHealthScore === null ? '—' : String(k.portfolioHealthScore) },
      { label: 'Budget performance (CPI)', value: formatRatio(k.budgetPerformanceIndex) },
      { label: 'Schedule performance (SPI)', value: formatRatio(k.schedulePerformanceIndex) },
      { label: 'Risk exposure', value: k.riskExposure === null ? '—' : String(k.riskExposure) },
      { label: 'Strategic alignment', value: formatPercent(k.strategicAlignmentRate) },
      { label: 'Resource utilisation', value: formatPercent(k.resourceUtilisation) },
    ];
  });

  protected reloadAll(): void {
    this.summary.reload();
    this.dashboard.reload();
  }
}
