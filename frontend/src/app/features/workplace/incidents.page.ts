import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES, type Incident } from '@switchyard/contracts';
import { ChartComponent } from '../../charts/chart.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { windowedList } from '../../shared/windowed-list';
import { WidgetComponent } from '../../shared/widget.component';
import { SEVERITY_TONE, severityTimelineChart } from './workplace-charts';
import { WorkplaceDataService } from './workplace-data.service';
import { ListPageComponent } from '../../shared/list-page.component';

/** Incidents and requests: filters, the severity timeline, the queue. */
@Component({
  selector: 'sy-incidents-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartComponent, DataDelayedComponent, FormsModule, ListPageComponent, WidgetComponent],
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
  /** One live resource on domain:incidents: the timeline reads the newest 200, the queue a page of them. */
  private readonly matching = windowedList({
    filters: this.filters,
    page: this.page,
    pageSize: 25,
    load: (q) => this.data.incidents(q),
    topics: () => ['domain:incidents'],
  });
  protected readonly incidents = this.matching.list;
  protected readonly chart = computed(() => severityTimelineChart(this.matching.window()?.items ?? []));
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
