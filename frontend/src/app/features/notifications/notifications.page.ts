import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  ALERT_SEVERITIES,
  CONTACT_POINT_KINDS,
  OPS_MODULES,
  type AlertSeverity,
  type ContactPoint,
  type ContactPointKind,
  type NotificationDelivery,
  type NotificationPolicy,
  type OpsModule,
} from '@switchyard/contracts';
import { forkJoin, map, type Observable } from 'rxjs';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { AsyncViewComponent } from '../../shared/async-view.component';
import type { TableColumn } from '../../shared/data-table';
import { DataTableComponent } from '../../shared/data-table.component';
import { liveResource } from '../../shared/live-resource';
import { WidgetComponent } from '../../shared/widget.component';
import { contactPointInput, SECRET_LABELS, type ContactPointFields } from './contact-point-form';
import { NotificationsApiService } from './notifications-api.service';
import { describeMatch, policyFields, policyInput, type PolicyFields } from './policy-form';

const STATUS_TONE: Record<NotificationDelivery['status'], 'ok' | 'warn' | 'bad'> = {
  sent: 'ok',
  pending: 'warn',
  failed: 'bad',
};

/** Contact points (with a test send), notification policies and the delivery log. */
@Component({
  selector: 'sy-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, DataTableComponent, WidgetComponent],
  templateUrl: './notifications.page.html',
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApiService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly canManage = inject(AuthService).can('alerts.manage');
  protected readonly kinds = CONTACT_POINT_KINDS;
  protected readonly severities = ALERT_SEVERITIES;
  protected readonly modules = OPS_MODULES;
  /** The policy form: a new policy, or the one being edited (its id then fixed). */
  protected readonly policyForm = signal<PolicyFields>(policyFields());
  protected readonly editingPolicy = signal<string | null>(null);
  protected readonly secretLabels = SECRET_LABELS;
  protected readonly kind = signal<ContactPointKind>('slack');
  protected readonly status = signal('');

  protected readonly points = liveResource({
    params: () => null,
    load: () => this.api.contactPoints().pipe(map((page) => page.items)),
    topics: () => [],
  });
  protected readonly policies = liveResource({
    params: () => null,
    load: () => this.api.policies().pipe(map((page) => page.items)),
    topics: () => [],
  });
  protected readonly deliveries = liveResource({
    params: () => null,
    load: () => this.api.deliveries().pipe(map((page) => page.items)),
    topics: () => [],
    pollMs: 5000,
  });

  protected readonly policyColumns: TableColumn<NotificationPolicy>[] = [
    { key: 'name', header: 'Policy', value: (p) => p.name },
    { key: 'to', header: 'Contact points', value: (p) => p.contactPointIds.join(', ') },
    { key: 'match', header: 'Matches', value: (p) => describeMatch(p) },
    { key: 'group', header: 'Group by', value: (p) => p.groupBy.join(', ') },
    { key: 'wait', header: 'Group wait (s)', value: (p) => p.groupWaitSeconds, numeric: true },
    { key: 'repeat', header: 'Repeat (s)', value: (p) => p.repeatIntervalSeconds, numeric: true },
    { key: 'tenant', header: 'Tenant', value: (p) => p.tenant ?? 'all' },
    { key: 'enabled', header: 'Enabled', value: (p) => (p.enabled ? 'yes' : 'no') },
  ];
  protected readonly deliveryColumns: TableColumn<NotificationDelivery>[] = [
    { key: 'created', header: 'Queued', value: (d) => d.createdAt, time: (d) => d.createdAt },
    { key: 'point', header: 'Contact point', value: (d) => d.contactPointId },
    { key: 'title', header: 'Message', value: (d) => d.title },
    { key: 'status', header: 'Status', value: (d) => d.status, tone: (d) => STATUS_TONE[d.status] },
    { key: 'attempts', header: 'Attempts', value: (d) => d.attempts, numeric: true },
    { key: 'error', header: 'Last error', value: (d) => d.lastError ?? '' },
  ];

  protected chooseKind(event: Event): void {
    this.kind.set((event.target as HTMLSelectElement).value as ContactPointKind);
  }

  protected saveContactPoint(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    const fields: ContactPointFields = {
      id: value('id'),
      name: value('name'),
      kind: this.kind(),
      secret: value('secret'),
      url: value('url'),
      smtpHost: value('smtpHost'),
      smtpPort: value('smtpPort'),
      smtpUser: value('smtpUser'),
      from: value('from'),
      to: value('to'),
    };
    this.run(this.api.saveContactPoint(contactPointInput(fields)), `Saved contact point ${fields.id}`, () =>
      this.points.reload(),
    );
  }

  protected sendTest(point: ContactPoint): void {
    this.run(this.api.sendTest(point.id), `Test notification queued for ${point.name}`, () => this.deliveries.reload());
  }

  protected deleteContactPoint(point: ContactPoint): void {
    this.run(this.api.deleteContactPoint(point.id), `Deleted ${point.name}`, () => this.points.reload());
  }

  protected editPolicy(policy: NotificationPolicy): void {
    this.policyForm.set(policyFields(policy));
    this.editingPolicy.set(policy.id);
    this.status.set(`Editing policy ${policy.id}`);
  }

  protected newPolicy(): void {
    this.policyForm.set(policyFields());
    this.editingPolicy.set(null);
  }

  protected savePolicy(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    const checked = (name: string) =>
      Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`), (box) => box.value);
    const fields: PolicyFields = {
      id: this.editingPolicy() ?? value('id'),
      name: value('name'),
      tenant: value('tenant'),
      enabled: (form.elements.namedItem('enabled') as HTMLInputElement | null)?.checked ?? true,
      contactPointIds: checked('contactPoint'),
      severities: checked('severity') as AlertSeverity[],
      modules: checked('module') as OpsModule[],
      teams: value('teams'),
      labels: value('labels'),
      groupBy: value('groupBy'),
      groupWaitSeconds: value('groupWait'),
      repeatMinutes: value('repeatMinutes'),
    };
    this.policyForm.set(fields);
    let input;
    try {
      input = policyInput(fields);
    } catch (error) {
      this.status.set(`Refused: ${(error as Error).message}`);
      return;
    }
    const editing = this.editingPolicy() !== null;
    this.run(this.api.savePolicy(input), `${editing ? 'Updated' : 'Saved'} policy ${input.id}`, () => {
      this.newPolicy();
      this.policies.reload();
    });
  }

  /** A test notification to every contact point of the policy. */
  protected testPolicy(policy: NotificationPolicy): void {
    const count = policy.contactPointIds.length;
    this.run(
      forkJoin(policy.contactPointIds.map((id) => this.api.sendTest(id))),
      `Test notification queued for ${count} contact point${count === 1 ? '' : 's'} of ${policy.name}`,
      () => this.deliveries.reload(),
    );
  }

  protected deletePolicy(policy: NotificationPolicy): void {
    this.run(this.api.deletePolicy(policy.id), `Deleted ${policy.name}`, () => {
      if (this.editingPolicy() === policy.id) this.newPolicy();
      this.policies.reload();
    });
  }

  /** One request from a button or form; the outcome (or the API's reason) shows in the status line. */
  private run(request: Observable<unknown>, done: string, then: () => void): void {
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.status.set(done);
        then();
      },
      // The API's message names each refused field.
      error: (error: unknown) => this.status.set(`Refused: ${describeError(error).message}`),
    });
  }
}
