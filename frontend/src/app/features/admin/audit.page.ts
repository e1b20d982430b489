import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { TableColumn } from '../../shared/data-table';
import { liveResource } from '../../shared/live-resource';
import { AdminDataService, type AuditEvent } from './admin-data.service';
import { ListPageComponent } from '../../shared/list-page.component';

const OUTCOME_TONE: Record<string, 'ok' | 'warn' | 'bad'> = { success: 'ok', failure: 'bad', denied: 'warn' };

/** "Ada Lovelace <ada@example.com>", "client Billing export", or the raw id when the actor is unknown. */
export function actorText(e: Pick<AuditEvent, 'actorKind' | 'actorId' | 'actorName' | 'actorEmail'>): string {
  if (e.actorName && e.actorEmail) return `${e.actorName} <${e.actorEmail}>`;
  if (e.actorName) return `${e.actorKind === 'client' ? 'client ' : ''}${e.actorName}`;
  if (!e.actorId) return e.actorKind;
  return e.actorKind === 'anonymous' ? `unknown ${e.actorId}` : `${e.actorKind} ${e.actorId}`;
}

/** The audit log, newest first, filtered by action, actor, outcome and start time. */
@Component({
  selector: 'sy-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ListPageComponent],
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
    { key: 'at', header: 'When', value: (e) => e.at, time: (e) => e.at },
    { key: 'action', header: 'Action', value: (e) => e.action },
    { key: 'outcome', header: 'Outcome', value: (e) => e.outcome, tone: (e) => OUTCOME_TONE[e.outcome] },
    { key: 'actor', header: 'Actor', value: actorText },
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
