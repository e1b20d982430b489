import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { TeamStaffing } from '@switchyard/contracts';
import { ChartComponent } from '../../charts/chart.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { liveResource } from '../../shared/live-resource';
import { WidgetComponent } from '../../shared/widget.component';
import { headcountChart } from './workplace-charts';
import { WorkplaceDataService } from './workplace-data.service';
import { ListPageComponent } from '../../shared/list-page.component';

/** Staffing per team: headcount, open roles and the hiring pipeline. */
@Component({
  selector: 'sy-people-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartComponent, DataDelayedComponent, ListPageComponent, WidgetComponent],
  templateUrl: './people.page.html',
})
export class PeoplePage {
  private readonly data = inject(WorkplaceDataService);
  protected readonly page = signal(1);
  protected readonly people = liveResource({
    params: () => ({ page: this.page(), pageSize: 50 }),
    load: (p) => this.data.people(p),
    topics: () => ['domain:people'],
  });
  protected readonly chart = computed(() => headcountChart(this.people.value()?.items ?? []));
  protected readonly totals = computed(() => {
    const teams = this.people.value()?.items ?? [];
    return {
      headcount: teams.reduce((sum, t) => sum + t.headcount, 0),
      openRoles: teams.reduce((sum, t) => sum + t.openRoles, 0),
      interviewing: teams.reduce((sum, t) => sum + t.pipeline.interviewing, 0),
    };
  });
  protected readonly columns: TableColumn<TeamStaffing>[] = [
    { key: 'name', header: 'Team', value: (t) => t.name },
    { key: 'department', header: 'Department', value: (t) => t.departmentId },
    { key: 'headcount', header: 'Headcount', value: (t) => t.headcount, numeric: true },
    { key: 'open', header: 'Open roles', value: (t) => t.openRoles, numeric: true },
    { key: 'applied', header: 'Applied', value: (t) => t.pipeline.applied, numeric: true },
    { key: 'interviewing', header: 'Interviewing', value: (t) => t.pipeline.interviewing, numeric: true },
    { key: 'offer', header: 'Offers', value: (t) => t.pipeline.offer, numeric: true },
    { key: 'hired', header: 'Hired', value: (t) => t.pipeline.hired, numeric: true },
    { key: 'manager', header: 'Manager', value: (t) => t.managerEmail },
  ];
}
