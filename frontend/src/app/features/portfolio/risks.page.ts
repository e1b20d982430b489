import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RISK_LEVELS, RISK_STATUSES, type RiskView } from '@switchyard/contracts';
import { ChartComponent } from '../../charts/chart.component';
import { formatPercent } from '../../core/format-number';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { windowedList } from '../../shared/windowed-list';
import { WidgetComponent } from '../../shared/widget.component';
import { riskHeatMapChart } from './portfolio-charts';
import { PortfolioDataService } from './portfolio-data.service';
import { ListPageComponent } from '../../shared/list-page.component';

const LEVEL_TONE: Record<string, 'ok' | 'warn' | 'bad'> = { Critical: 'bad', High: 'bad', Medium: 'warn', Low: 'ok' };

/** Risk register with the probability × impact heat map and analytics. */
@Component({
  selector: 'sy-risks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartComponent, DataDelayedComponent, FormsModule, ListPageComponent, WidgetComponent],
  templateUrl: './risks.page.html',
})
export class RisksPage {
  private readonly data = inject(PortfolioDataService);
  protected readonly levels = RISK_LEVELS;
  protected readonly statuses = RISK_STATUSES;
  protected readonly level = signal('');
  protected readonly status = signal('');
  protected readonly page = signal(1);

  /** One live resource on domain:risks: the heat map reads the window, the register a page of it. */
  private readonly matching = windowedList({
    filters: () => ({ riskLevel: this.level(), status: this.status() }),
    page: this.page,
    pageSize: 25,
    load: (q) => this.data.risks(q),
    topics: () => ['domain:risks'],
  });
  protected readonly risks = this.matching.list;
  protected readonly heatMap = computed(() => riskHeatMapChart(this.matching.window()?.items ?? []));
  protected readonly analytics = computed(() => {
    const a = this.risks.value()?.analytics;
    if (!a) return [];
    return [
      { label: 'Open', value: String(a.open) },
      { label: 'Critical', value: String(a.critical) },
      { label: 'High', value: String(a.high) },
      { label: 'Mitigation rate', value: formatPercent(a.mitigationRate, 0) },
      { label: 'Average score', value: a.averageScore === null ? '—' : a.averageScore.toFixed(1) },
      { label: 'Older than 90 days', value: String(a.ageAnalysis.over90Days) },
    ];
  });
  protected readonly columns: TableColumn<RiskView>[] = [
    { key: 'title', header: 'Risk', value: (r) => r.title },
    { key: 'project', header: 'Project', value: (r) => r.projectId, link: (r) => `/portfolio/projects/${r.projectId}` },
    { key: 'level', header: 'Level', value: (r) => r.level, tone: (r) => LEVEL_TONE[r.level] },
    { key: 'score', header: 'Score', value: (r) => r.score, numeric: true },
    { key: 'p', header: 'Probability', value: (r) => r.probability, numeric: true },
    { key: 'i', header: 'Impact', value: (r) => r.impact, numeric: true },
    { key: 'status', header: 'Status', value: (r) => r.status },
    { key: 'urgency', header: 'Urgency', value: (r) => r.urgency },
    { key: 'age', header: 'Age (days)', value: (r) => r.ageDays, numeric: true },
    { key: 'owner', header: 'Owner', value: (r) => r.owner },
  ];
}
