import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CRM_HOT_LIST_STATUSES, type CrmHotListItem } from '@switchyard/contracts';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { liveResource } from '../../shared/live-resource';
import { CrmDataService } from './crm-data.service';
import { crmTenant, forTenant } from './crm-tenant';
import { ListPageComponent } from '../../shared/list-page.component';

const STATUS_TONE: Record<string, 'bad' | 'warn' | 'ok'> = { Active: 'bad', Contacted: 'warn', Cleared: 'ok' };

/** Hot list: prioritised follow-ups, hottest first. */
@Component({
  selector: 'sy-hot-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DataDelayedComponent, FormsModule, ListPageComponent],
  templateUrl: './hot-list.page.html',
})
export class HotListPage {
  private readonly data = inject(CrmDataService);
  readonly tenant = input<string>();
  protected readonly brand = crmTenant(this.tenant);
  protected readonly statuses = CRM_HOT_LIST_STATUSES;
  protected readonly status = signal('');
  protected readonly page = signal(1);
  protected readonly items = liveResource({
    params: () => ({ tenant: this.brand(), status: this.status(), page: this.page(), pageSize: 25 }),
    load: (p) => forTenant(p.tenant, (tenant) => this.data.hotList({ ...p, tenant })),
    topics: (p) => (p.tenant ? [`crm:${p.tenant}`] : []),
  });
  protected readonly columns: TableColumn<CrmHotListItem>[] = [
    { key: 'priority', header: 'Priority', value: (i) => i.priority, numeric: true },
    { key: 'name', header: 'Name', value: (i) => i.name },
    { key: 'reason', header: 'Why', value: (i) => i.reason },
    { key: 'status', header: 'Status', value: (i) => i.status, tone: (i) => STATUS_TONE[i.status] },
    {
      key: 'last',
      header: 'Last activity',
      value: (i) => i.lastActivityAt,
      time: (i) => i.lastActivityAt,
    },
    { key: 'added', header: 'Added', value: (i) => i.addedAt, time: (i) => i.addedAt },
  ];
}
