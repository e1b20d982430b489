import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CRM_LEAD_SOURCES, CRM_LEAD_STATUSES, type CrmLead } from '@switchyard/contracts';
import { ChartComponent } from '../../charts/chart.component';
import { mergeFreshness } from '../../core/freshness-view';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { liveResource } from '../../shared/live-resource';
import { WidgetComponent } from '../../shared/widget.component';
import { LEAD_STATUS_TONE, leadSourceChart, leadStatusChart } from './crm-charts';
import { CrmDataService } from './crm-data.service';
import { crmTenant, forTenant } from './crm-tenant';
import { ListPageComponent } from '../../shared/list-page.component';

/** Leads: counts by source and status, and the searchable list. */
@Component({
  selector: 'sy-leads-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, ChartComponent, DataDelayedComponent, FormsModule, ListPageComponent, WidgetComponent],
  templateUrl: './leads.page.html',
})
export class LeadsPage {
  private readonly data = inject(CrmDataService);
  readonly tenant = input<string>();
  protected readonly brand = crmTenant(this.tenant);
  protected readonly statuses = CRM_LEAD_STATUSES;
  protected readonly sources = CRM_LEAD_SOURCES;
  protected readonly status = signal('');
  protected readonly source = signal('');
  protected readonly q = signal('');
  protected readonly page = signal(1);

  protected readonly stats = liveResource({
    params: () => this.brand(),
    load: (tenant) => forTenant(tenant, (t) => this.data.leadStats(t)),
    topics: (tenant) => (tenant ? [`crm:${tenant}`] : []),
  });
  protected readonly leads = liveResource({
    params: () => ({
      tenant: this.brand(),
      status: this.status(),
      source: this.source(),
      q: this.q(),
      page: this.page(),
      pageSize: 25,
    }),
    load: (p) => forTenant(p.tenant, (tenant) => this.data.leads({ ...p, tenant })),
    topics: (p) => (p.tenant ? [`crm:${p.tenant}`] : []),
  });
  protected readonly freshness = computed(() =>
    mergeFreshness(this.stats.value()?.freshness, this.leads.value()?.freshness),
  );
  protected readonly sourceChart = computed(() => leadSourceChart(this.stats.value()?.bySource ?? []));
  protected readonly statusChart = computed(() => leadStatusChart(this.stats.value()?.byStatus ?? []));
  protected readonly columns: TableColumn<CrmLead>[] = [
    { key: 'name', header: 'Name', value: (l) => [l.firstName, l.lastName].filter(Boolean).join(' ') || null },
    { key: 'email', header: 'Email', value: (l) => l.email },
    { key: 'source', header: 'Source', value: (l) => l.source },
    {
      key: 'status',
      header: 'Status',
      value: (l) => l.status,
      tone: (l) => LEAD_STATUS_TONE[l.status] ?? 'neutral',
    },
    { key: 'owner', header: 'Owner', value: (l) => l.owner },
    { key: 'created', header: 'Created', value: (l) => l.createdAt, time: (l) => l.createdAt },
  ];

  protected reloadAll(): void {
    this.stats.reload();
    this.leads.reload();
  }
}
