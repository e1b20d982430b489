import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ALERT_STATES, type AlertRule, type AlertView, type Silence } from '@switchyard/contracts';
import { map } from 'rxjs';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { formatDateTime } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import type { TableColumn } from '../../shared/data-table';
import { DataTableComponent } from '../../shared/data-table.component';
import { liveResource } from '../../shared/live-resource';
import { WidgetComponent } from '../../shared/widget.component';
import { OpsApiService } from '../operations/ops-api.service';
import { groupAlerts, seriesLabel } from './alert-groups';

const SEVERITY_TONE: Record<string, 'warn' | 'bad'> = { warning: 'warn', critical: 'bad' };

/**
 * Alerts grouped by rule (one expandable group, one row per series) with a state filter and
 * acknowledge-with-comment; silences and a form to add one.
 */
@Component({
  selector: 'sy-alerts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, DataTableComponent, WidgetComponent],
  templateUrl: './alerts.page.html',
})
export class AlertsPage {
  private readonly api = inject(OpsApiService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly auth = inject(AuthService);
  protected readonly canManage = this.auth.can('alerts.manage');
  protected readonly canRevokeClients = this.auth.can('clients.manage');
  protected readonly states = ['open', '', ...ALERT_STATES];
  protected readonly state = signal('open');
  protected readonly acking = signal<AlertView | undefined>(undefined);
  protected readonly ackComment = signal('');
  protected readonly ackStatus = signal('');
  protected readonly silenceStatus = signal('');
  protected readonly busy = signal(false);
  protected readonly formatDateTime = formatDateTime;
  protected readonly severityTone = (a: AlertView) => (a.severity ? SEVERITY_TONE[a.severity] : undefined);

  protected readonly alerts = liveResource({
    params: () => this.state(),
    load: (state) => this.api.alerts(state).pipe(map((r) => r.items)),
    topics: () => ['alerts'],
  });
  protected readonly silences = liveResource({
    params: () => null,
    load: () => this.api.silences().pipe(map((r) => r.items)),
    topics: () => ['alerts'],
  });
  protected readonly rules = liveResource({
    params: () => null,
    load: () => this.api.rules().pipe(map((r) => r.items)),
    topics: () => [],
  });
  /** Alert instances grouped by rule; every group starts expanded. */
  protected readonly groups = computed(() => groupAlerts(this.alerts.value() ?? [], this.rules.value() ?? []));
  protected readonly collapsed = signal<ReadonlySet<string>>(new Set());
  protected readonly seriesLabel = seriesLabel;
  protected readonly metrics = computed(() => [...new Set((this.rules.value() ?? []).map((r) => r.metric))].sort());

  protected readonly ruleColumns: TableColumn<AlertRule>[] = [
    { key: 'name', header: 'Rule', value: (r) => r.name },
    { key: 'metric', header: 'Metric', value: (r) => r.metric },
    { key: 'direction', header: 'Direction', value: (r) => r.direction },
    { key: 'warning', header: 'Warning', value: (r) => r.warning, numeric: true },
    { key: 'critical', header: 'Critical', value: (r) => r.critical, numeric: true },
    { key: 'hold', header: 'Hold (s)', value: (r) => r.holdSeconds, numeric: true },
    {
      key: 'matchers',
      header: 'Series',
      value: (r) =>
        Object.entries(r.matchers ?? {})
          .map(([name, value]) => `${name}=${value}`)
          .join(', ') || 'all',
    },
    { key: 'groupBy', header: 'One alert per', value: (r) => (r.groupBy ? r.groupBy.join(', ') || 'rule' : 'series') },
    { key: 'enabled', header: 'Enabled', value: (r) => (r.enabled ? 'yes' : 'no') },
  ];

  protected readonly silenceColumns: TableColumn<Silence>[] = [
    { key: 'matchers', header: 'Matches', value: (s) => JSON.stringify(s.matchers) },
    { key: 'comment', header: 'Comment', value: (s) => s.comment },
    { key: 'by', header: 'Created by', value: (s) => s.createdBy },
    { key: 'starts', header: 'Starts', value: (s) => s.startsAt, time: (s) => s.startsAt },
    { key: 'ends', header: 'Ends', value: (s) => s.endsAt, time: (s) => s.endsAt },
    {
      key: 'active',
      header: 'Active',
      value: (s) => (s.active ? 'yes' : 'no'),
      tone: (s) => (s.active ? 'warn' : undefined),
    },
  ];

  protected toggleGroup(key: string): void {
    const next = new Set(this.collapsed());
    if (!next.delete(key)) next.add(key);
    this.collapsed.set(next);
  }

  protected chooseState(event: Event): void {
    this.state.set((event.target as HTMLSelectElement).value);
  }

  protected startAck(alert: AlertView): void {
    this.acking.set(alert);
    this.ackComment.set('');
    this.ackStatus.set('');
  }

  protected onComment(event: Event): void {
    this.ackComment.set((event.target as HTMLTextAreaElement).value);
  }

  protected acknowledge(event: Event): void {
    event.preventDefault();
    const alert = this.acking();
    const comment = this.ackComment().trim();
    if (!alert || !comment) {
      this.ackStatus.set('A comment is required.');
      return;
    }
    this.busy.set(true);
    this.api
      .acknowledge(alert.id, comment)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.acking.set(undefined);
          this.ackStatus.set(`Acknowledged ${alert.message}`);
          this.alerts.reload();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.ackStatus.set(`Refused: ${describeError(error).message}`);
        },
      });
  }

  /** The service client a security alert is about (anomaly, expiring secret), when it names one. */
  protected revocableClient(alert: AlertView): string | null {
    const open = alert.state !== 'normal' && alert.state !== 'resolved';
    return open && alert.kind === 'security' && alert.labels['clientId'] ? alert.labels['clientId'] : null;
  }

  protected revokeClient(alert: AlertView): void {
    const clientId = this.revocableClient(alert);
    if (!clientId || !window.confirm(`Revoke service client ${clientId}? Its tokens stop working at once.`)) return;
    this.busy.set(true);
    this.api
      .revokeClientFromAlert(alert.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (answer) => {
          this.busy.set(false);
          this.ackStatus.set(`Revoked client ${answer.clientId}; the alert is resolved.`);
          this.alerts.reload();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.ackStatus.set(`Refused: ${describeError(error).message}`);
        },
      });
  }

  protected createSilence(event: Event, metric: string, minutes: string, comment: string): void {
    event.preventDefault();
    const duration = Number(minutes);
    if (!metric.trim() || !comment.trim() || !(duration > 0)) {
      this.silenceStatus.set('Metric, a positive duration and a comment are required.');
      return;
    }
    this.api
      .createSilence({
        matchers: { metric: metric.trim() },
        endsAt: new Date(Date.now() + duration * 60_000).toISOString(),
        comment: comment.trim(),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.silenceStatus.set(`Silenced ${metric.trim()} for ${duration} min`);
          this.silences.reload();
        },
        error: (error: unknown) => this.silenceStatus.set(`Refused: ${describeError(error).message}`),
      });
  }
}
