import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CRM_ACTIVITY_STATUSES, type CrmActivity } from '@switchyard/contracts';
import { downloadCsv, toCsv } from '../../core/csv';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import { liveResource } from '../../shared/live-resource';
import { TimeComponent } from '../../shared/time.component';
import { CrmDataService } from './crm-data.service';
import { crmTenant, forTenant } from './crm-tenant';
import { ListPageComponent } from '../../shared/list-page.component';

/** "Tour · 15 min · Noah Williams · Scheduled": the parts an activity has, nothing for the missing ones. */
export function activityDetails(a: Pick<CrmActivity, 'type' | 'durationMinutes' | 'assignedTo' | 'status'>): string {
  return [a.type, a.durationMinutes ? `${a.durationMinutes} min` : null, a.assignedTo, a.status]
    .filter((part): part is string => !!part && part.trim() !== '')
    .join(' · ');
}

/**
 * The activity's title with its lead named: the vendor writes "Tour with lead 10247", the
 * console says "Tour with Ada Lovelace". Without a known name, the title as the vendor wrote it.
 */
export function activityTitle(a: Pick<CrmActivity, 'title' | 'leadId' | 'leadName'>): string {
  if (!a.leadId || !a.leadName) return a.title;
  const mention = `lead ${a.leadId}`;
  return a.title.includes(mention) ? a.title.replace(mention, a.leadName) : `${a.title} — ${a.leadName}`;
}

/** Schedule: the upcoming activities as a list (the API starts from now). */
@Component({
  selector: 'sy-schedule-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DataDelayedComponent, FormsModule, ListPageComponent, TimeComponent],
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
  protected readonly activityDetails = activityDetails;
  protected readonly activityTitle = activityTitle;

  protected exportCsv(rows: readonly CrmActivity[]): void {
    const csv = toCsv(rows, [
      { header: 'When', value: (a) => a.scheduledFor },
      { header: 'Type', value: (a) => a.type },
      { header: 'Title', value: (a) => a.title },
      { header: 'Lead', value: (a) => a.leadName ?? a.leadId },
      { header: 'Minutes', value: (a) => a.durationMinutes },
      { header: 'Assigned to', value: (a) => a.assignedTo },
      { header: 'Status', value: (a) => a.status },
    ]);
    downloadCsv('schedule.csv', csv);
  }
}
