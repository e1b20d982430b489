import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock, SecretBox } from '../common';
import { NotificationSender } from './channels/notification-sender';
import { NotificationRouter } from './notification-router.service';
import type { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
import { ContactPointsRepository, DeliveriesRepository } from './notifications.repository';

const TICK_JOB = 'notification-delivery-tick';
const TICK_MS = 1000;
const BATCH = 10;
const LEASE_MS = 60_000;
/** Retries: full jitter over 1, 2, 4… s, at most 5 min apart, given up after this many attempts. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 300_000;
export const MAX_ATTEMPTS = 10;

/**
 * Sends queued notifications, at least once: a send is claimed in Postgres, and marked sent
 * only after the receiver accepted it. It runs on its own timer, so a slow receiver never
 * holds up whoever queued the send (alert evaluation included).
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly points: ContactPointsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly sender: NotificationSender,
    private readonly router: NotificationRouter,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.tick(), TICK_MS);
    timer.unref();
    this.scheduler.addInterval(TICK_JOB, timer);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.scheduler.doesExist('interval', TICK_JOB)) this.scheduler.deleteInterval(TICK_JOB);
    await this.running;
  }

  /** Queues due alert groups, then sends what is due; overlapping calls share the tick in progress. */
  tick(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.running ??= this.sendDue()
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'notification tick failed; the next tick tries again');
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async sendDue(): Promise<number> {
    await this.router.flushDue();
    const now = this.clock.now();
    const due = await this.deliveries.claimDue(now, new Date(now.getTime() + LEASE_MS), BATCH);
    await Promise.all(due.map((delivery) => this.deliver(delivery)));
    return due.length;
  }

  private async deliver(delivery: NotificationDeliveryEntity): Promise<void> {
    const attempts = delivery.attempts + 1;
    try {
      const point = await this.points.find(delivery.contactPointId);
      if (!point) throw new Error('the contact point was deleted');
      const secret = point.sealedSecret ? this.box.decrypt(point.sealedSecret) : null;
      await this.sender.send(point, secret, delivery.message);
      await this.deliveries.update(delivery.id, {
        status: 'sent',
        attempts,
        sentAt: this.clock.now(),
        leaseUntil: null,
        nextAttemptAt: null,
      });
    } catch (error) {
      const lastError = error instanceof Error ? error.message : String(error);
      const givenUp = attempts >= MAX_ATTEMPTS;
      const step = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));
      const wait = Math.max(100, Math.ceil((1 - Math.random()) * step));
      await this.deliveries.update(delivery.id, {
        status: givenUp ? 'failed' : 'pending',
        attempts,
        lastError,
        leaseUntil: null,
        nextAttemptAt: givenUp ? null : new Date(this.clock.now().getTime() + wait),
      });
      this.logger.warn(
        { deliveryId: delivery.id, contactPointId: delivery.contactPointId, attempts, givenUp },
        `notification to ${delivery.contactPointId} failed: ${lastError}`,
      );
    }
  }
}
