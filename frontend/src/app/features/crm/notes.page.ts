import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { CrmNote } from '@switchyard/contracts';
import { downloadCsv, toCsv } from '../../core/csv';
import { formatDateTime } from '../../core/format-number';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import { liveResource } from '../../shared/live-resource';
import { CrmDataService } from './crm-data.service';
import { crmTenant, forTenant } from './crm-tenant';
import { ListPageComponent } from '../../shared/list-page.component';

/** Notes: newest first, full-text search of the body (server side, with stemming), author filter. */
@Component({
  selector: 'sy-notes-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DataDelayedComponent, FormsModule, ListPageComponent],
  templateUrl: './notes.page.html',
})
export class NotesPage {
  private readonly data = inject(CrmDataService);
  readonly tenant = input<string>();
  protected readonly brand = crmTenant(this.tenant);
  protected readonly q = signal('');
  protected readonly author = signal('');
  protected readonly page = signal(1);
  protected readonly notes = liveResource({
    params: () => ({ tenant: this.brand(), q: this.q(), author: this.author(), page: this.page(), pageSize: 20 }),
    load: (p) => forTenant(p.tenant, (tenant) => this.data.notes({ ...p, tenant })),
    topics: (p) => (p.tenant ? [`crm:${p.tenant}`] : []),
  });
  protected readonly formatDateTime = formatDateTime;

  protected search(q: string, author: string): void {
    this.q.set(q.trim());
    this.author.set(author.trim());
    this.page.set(1);
  }

  protected exportCsv(rows: readonly CrmNote[]): void {
    const csv = toCsv(rows, [
      { header: 'Date', value: (n) => n.date },
      { header: 'Author', value: (n) => n.author },
      { header: 'Note', value: (n) => n.body },
    ]);
    downloadCsv('notes.csv', csv);
  }
}
