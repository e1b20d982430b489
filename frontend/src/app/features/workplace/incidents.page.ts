import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES, type Incident } from '@switchyard/contracts';
import { ChartComponent } from '../../charts/chart.component';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { DataTableComponent } from '../../shared/data-table.component';
import { liveResource } from '../../shared/live-resource';
import { PagerComponent } from '../../shared/pager.component';
import { WidgetComponent } from '../../shared/widget.component';
import { SEVERITY_TONE, severityTimelineChart } from './workplace-charts';
import { WorkplaceDataService } from './workplace-data.service';

/** Incidents and requests: filters, the severity timeline, the queue. */
@Component({
  selector: 'sy-incidents-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AsyncViewComponent,
    ChartComponent,
    DataDelayedComponent,
    DataTableComponent,
    FormsModule,
    PagerComponent,
    WidgetComponent,
  ],
  templateUrl: './incidents.page.html',
})
export class IncidentsPage {
  private readonly data = inject(WorkplaceDataService);
  protected readonly severities = INCIDENT_SEVERITIES;
  protected readonly kinds = INCIDENT_KINDS;
  protected readonly state = signal('open');
  protected readonly severity = signal('');
  protected readonly kind = signal('');
  protected readonly page = signal(1);

  private readonly filters = computed(() => ({ state: this.state(), severity: this.severity(), kind: this.kind() }));
  protected readonly incidents = liveResource({
    params: () => ({ ...this.filters(), page: this.page(), pageSize: 25 }),
    load: (p) => this.data.incidents(p),
    topics: () => ['domain:incidents'],
  });
  /** The newest 200 matching, for the timeline. */
  protected readonly recent = liveResource({
    params: () => ({ ...this.filters(), page: 1, pageSize: 200 }),
    load: (p) => this.data.incidents(p),
    topics: () => ['domain:incidents'],
  });
  protected readonly chart = computed(() => severityTimelineChart(this.recent.value()?.items ?? []));
  protected readonly columns: TableColumn<Incident>[] = [
    { key: 'id', header: 'Id', value: (i) => i.id },
    { key: 'title', header: 'Title', value: (i) => i.title },
    { key: 'severity', header: 'Severity', value: (i) => i.severity, tone: (i) => SEVERITY_TONE[i.severity] },
    { key: 'state', header: 'State', value: (i) => i.state.replace('_', ' ') },
    { key: 'kind', header: 'Kind', value: (i) => i.kind },
    { key: 'group', header: 'Assigned to', value: (i) => i.assignee ?? i.assignmentGroup },
    { key: 'location', header: 'Location', value: (i) => i.location },
    { key: 'reported', header: 'Reported', value: (i) => i.reportedAt, time: (i) => i.reportedAt },
  ];
}
