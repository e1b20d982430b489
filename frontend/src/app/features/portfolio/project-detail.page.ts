import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MilestoneView } from '@switchyard/contracts';
import { formatDate, formatMoney, formatPercent } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { DataTableComponent } from '../../shared/data-table.component';
import { liveResource } from '../../shared/live-resource';
import { WidgetComponent } from '../../shared/widget.component';
import { PortfolioDataService } from './portfolio-data.service';

/** One project: figures, variances and milestones. The id comes from the route (`:id`). */
@Component({
  selector: 'sy-project-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, DataDelayedComponent, DataTableComponent, RouterLink, WidgetComponent],
  templateUrl: './project-detail.page.html',
})
export class ProjectDetailPage {
  private readonly data = inject(PortfolioDataService);
  readonly id = input.required<string>();

  protected readonly project = liveResource({
    params: () => this.id(),
    load: (id) => this.data.project(id),
    topics: () => ['domain:projects'],
  });
  protected readonly figures = computed(() => {
    const p = this.project.value();
    if (!p) return [];
    return [
      { label: 'Status', value: p.status },
      { label: 'Health score', value: String(p.healthScore) },
      { label: 'Risk level', value: p.riskLevel },
      { label: 'Complete', value: formatPercent(p.percentComplete, 0) },
      { label: 'Planned', value: formatPercent(p.plannedProgress, 0) },
      { label: 'Budget', value: formatMoney(p.budget) },
      { label: 'Actual cost', value: formatMoney(p.actualCost) },
      { label: 'Budget variance', value: formatPercent(p.budgetVariance) },
      { label: 'Schedule variance', value: `${p.scheduleVariance} pts` },
      { label: 'Open risks', value: String(p.openRisks) },
    ];
  });
  protected readonly milestoneColumns: TableColumn<MilestoneView>[] = [
    { key: 'name', header: 'Milestone', value: (m) => m.name },
    { key: 'due', header: 'Due', value: (m) => m.dueDate, display: (m) => formatDate(m.dueDate) },
    {
      key: 'state',
      header: 'State',
      value: (m) => (m.completed ? 'Done' : m.overdue ? 'Overdue' : 'Open'),
      tone: (m) => (m.completed ? 'ok' : m.overdue ? 'bad' : undefined),
    },
    { key: 'completedAt', header: 'Completed', value: (m) => m.completedAt, display: (m) => formatDate(m.completedAt) },
  ];
  protected readonly formatDate = formatDate;
}
