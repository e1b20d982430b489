import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { AlertView, DomainEvent } from '@switchyard/contracts';
import type { Subscription } from 'rxjs';
import { Clock } from '../common';
import { DomainEventBus } from '../events';
import type { NotificationGroupEntity } from './entities/notification-group.entity';
import { NotificationPoliciesRepository } from './notification-policies.repository';
import { ContactPointsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { groupKeyOf, groupMessage, policyMatches } from './policy-routing';

const FLUSH_BATCH = 20;

/**
 * Turns alert changes into grouped sends. It listens on the bus (alert evaluation never
 * waits for it), records each change in its policies' groups, and, when a group falls due,
 * queues one message per contact point in the outbox.
 */
@Injectable()
export class NotificationRouter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationRouter.name);
  private subscription: Subscription | null = null;
  /** Changes are recorded one after another, in the order they were raised. */
  private recording: Promise<void> = Promise.resolve();

  constructor(
    private readonly bus: DomainEventBus,
    private readonly policies: NotificationPoliciesRepository,
    private readonly points: ContactPointsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.bus.ofType('alert.changed').subscribe((event) => {
      this.recording = this.recording.then(() =>
        this.record(event).catch((error: unknown) =>
          this.logger.error({ err: error, alertId: event.alert.id }, 'could not route an alert to its policies'),
        ),
      );
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.recording;
  }

  /** Waits until every change raised so far is recorded (tests, shutdown). */
  settled(): Promise<void> {
    return this.recording;
  }

  private async record(event: Extract<DomainEvent, { type: 'alert.changed' }>): Promise<void> {
    const { alert, notify } = event;
    const silenced = alert.silencedBy !== null;
    // A step nobody is told about (pending, recovering) changes nothing a group would send.
    if (!notify && !silenced) return;
    const now = this.clock.now();
    for (const policy of await this.policies.findEnabled()) {
      if (!policyMatches(policy, alert)) continue;
      const flushAt = notify ? new Date(now.getTime() + policy.groupWaitSeconds * 1000) : null;
      await this.policies.recordAlert(policy.id, groupKeyOf(policy, alert), alert.id, summary(alert), flushAt);
    }
  }

  /** Queues the sends of every group that is due. */
  flushDue(): Promise<number> {
    const now = this.clock.now();
    return this.policies.flushDue(now, FLUSH_BATCH, async (group, manager) => {
      const policy = await this.policies.find(group.policyId);
      if (!policy) return null;
      const message = groupMessage(policy, group.groupKey, group.alerts);
      if (message) {
        for (const point of await this.points.findMany(policy.contactPointIds)) {
          await this.notifications.enqueue(point, message, manager);
        }
      }
      return nextGroup(group, now, policy.repeatIntervalSeconds);
    });
  }
}

function summary(alert: AlertView) {
  return {
    state: alert.state,
    severity: alert.severity,
    message: alert.message,
    labels: alert.labels,
    silenced: alert.silencedBy !== null,
  };
}

/** After a send: resolved alerts leave the group; while any still fires, it repeats. */
function nextGroup(group: NotificationGroupEntity, now: Date, repeatSeconds: number): NotificationGroupEntity | null {
  const alerts = Object.fromEntries(Object.entries(group.alerts).filter(([, a]) => a.state !== 'resolved'));
  if (Object.keys(alerts).length === 0) return null;
  const firing = Object.values(alerts).some((a) => !a.silenced);
  return { ...group, alerts, lastSentAt: now, flushAt: firing ? new Date(now.getTime() + repeatSeconds * 1000) : null };
}
