import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CRM_ACTIVITY_STATUSES, type CrmActivity } from '@switchyard/contracts';
import { downloadCsv, toCsv } from '../../core/csv';
import { formatDateTime } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import { liveResource } from '../../shared/live-resource';
import { PagerComponent } from '../../shared/pager.component';
import { WidgetComponent } from '../../shared/widget.component';
import { CrmDataService } from './crm-data.service';
import { crmTenant, forTenant } from './crm-tenant';

/** Schedule: the upcoming activities as a list (the API starts from now). */
@Component({
  selector: 'sy-schedule-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, DataDelayedComponent, FormsModule, PagerComponent, WidgetComponent],
  templateUrl: './schedule.page.html',
})
export class SchedulePage {
  private readonly data = inject(CrmDataService);
  readonly tenant = input<string>();
  protected readonly brand = crmTenant(this.tenant);
  protected readonly statuses = CRM_ACTIVITY_STATUSES;
  protected readonly status = signal('Scheduled');
  protected readonly page = signal(1);
  protected readonly activities = liveResource({
    params: () => ({ tenant: this.brand(), status: this.status(), page: this.page(), pageSize: 25 }),
    load: (p) => forTenant(p.tenant, (tenant) => this.data.schedule({ ...p, tenant })),
    topics: (p) => (p.tenant ? [`crm:${p.tenant}`] : []),
  });
  protected readonly formatDateTime = formatDateTime;

  protected exportCsv(rows: readonly CrmActivity[]): void {
    const csv = toCsv(rows, [
      { header: 'When', value: (a) => a.scheduledFor },
      { header: 'Type', value: (a) => a.type },
      { header: 'Title', value: (a) => a.title },
      { header: 'Minutes', value: (a) => a.durationMinutes },
      { header: 'Assigned to', value: (a) => a.assignedTo },
      { header: 'Status', value: (a) => a.status },
    ]);
    downloadCsv('schedule.csv', csv);
  }
}
