import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { formatDateTime } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import type { TableColumn } from '../../shared/data-table';
import { DataTableComponent } from '../../shared/data-table.component';
import { liveResource } from '../../shared/live-resource';
import { PagerComponent } from '../../shared/pager.component';
import { WidgetComponent } from '../../shared/widget.component';
import { AdminDataService, type AuditEvent } from './admin-data.service';

const OUTCOME_TONE: Record<string, 'ok' | 'warn' | 'bad'> = { success: 'ok', failure: 'bad', denied: 'warn' };

/** The audit log, newest first, filtered by action, actor, outcome and start time. */
@Component({
  selector: 'sy-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, DataTableComponent, FormsModule, PagerComponent, WidgetComponent],
  templateUrl: './audit.page.html',
})
export class AuditPage {
  private readonly admin = inject(AdminDataService);
  protected readonly action = signal('');
  protected readonly actorId = signal('');
  protected readonly outcome = signal('');
  protected readonly since = signal('');
  protected readonly page = signal(1);
  protected readonly events = liveResource({
    params: () => ({
      action: this.action(),
      actorId: this.actorId(),
      outcome: this.outcome(),
      since: this.since() ? new Date(this.since()).toISOString() : '',
      page: this.page(),
      pageSize: 50,
    }),
    load: (p) => this.admin.audit(p),
    topics: () => [],
  });
  protected readonly columns: TableColumn<AuditEvent>[] = [
    { key: 'at', header: 'When', value: (e) => e.at, display: (e) => formatDateTime(e.at) },
    { key: 'action', header: 'Action', value: (e) => e.action },
    { key: 'outcome', header: 'Outcome', value: (e) => e.outcome, tone: (e) => OUTCOME_TONE[e.outcome] },
    { key: 'actor', header: 'Actor', value: (e) => (e.actorId ? `${e.actorKind} ${e.actorId}` : e.actorKind) },
    {
      key: 'resource',
      header: 'Resource',
      value: (e) => (e.resourceType ? `${e.resourceType} ${e.resourceId ?? ''}` : null),
    },
    { key: 'ip', header: 'Address', value: (e) => e.ip },
    { key: 'trace', header: 'Trace', value: (e) => e.traceId },
  ];

  protected apply(action: string, actorId: string, outcome: string, since: string): void {
    this.action.set(action.trim());
    this.actorId.set(actorId.trim());
    this.outcome.set(outcome);
    this.since.set(since);
    this.page.set(1);
  }
}
