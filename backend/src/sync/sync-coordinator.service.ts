import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock, InstanceIdentity } from '../common';
import { AppConfig } from '../config';
import { FreshnessService, SourceStateRepository } from '../sources';
import { SyncRetention } from './sync-retention.service';
import { LEASE_MS } from './run/run-record';
import { SyncRunner } from './sync-runner.service';

const TICK_JOB = 'sync-coordinator-tick';
const FRESHNESS_CHECK_MS = 5_000;
const RETENTION_EVERY_MS = 3_600_000;
/** A wake-up sooner than this is not worth a timer of its own; the claim takes longer. */
const MIN_WAKE_MS = 5;

/**
 * The refresh coordinator. Each tick claims due sources in Postgres (so across any
 * number of replicas each due sync runs once), runs them with bounded concurrency,
 * re-judges freshness now and then, and prunes old runs and snapshots hourly.
 * Between the regular ticks a one-shot timer wakes it when the next source falls due,
 * so a run starts on time rather than up to a tick late.
 */
@Injectable()
export class SyncCoordinator implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SyncCoordinator.name);
  private readonly inflight = new Map<string, Promise<void>>();
  private ticking: Promise<string[]> | null = null;
  private again: Promise<string[]> | null = null;
  private lastFreshnessCheck = 0;
  private lastRetention = 0;
  private stopped = false;
  private wake: { at: number; timer: NodeJS.Timeout } | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly identity: InstanceIdentity,
    private readonly states: SourceStateRepository,
    private readonly runner: SyncRunner,
    private readonly freshness: FreshnessService,
    private readonly retention: SyncRetention,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.sync.enabled) return;
    const timer = setInterval(() => void this.tick(), this.config.sync.tickMs);
    timer.unref();
    this.scheduler.addInterval(TICK_JOB, timer);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.wake) clearTimeout(this.wake.timer);
    if (this.scheduler.doesExist('interval', TICK_JOB)) this.scheduler.deleteInterval(TICK_JOB);
    await this.drain();
  }

  /**
   * One tick; a call during a tick in progress gets one more tick right after it, so a
   * source made due meanwhile (refresh now) is never left for the next timer.
   */
  tick(): Promise<string[]> {
    if (this.ticking) {
      this.again ??= this.ticking.then(() => {
        this.again = null;
        return this.tick();
      });
      return this.again;
    }
    this.ticking = this.claimAndRun().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  /** Waits until every run this instance started has finished. */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight.values()]);
  }

  get runningHere(): string[] {
    return [...this.inflight.keys()];
  }

  private async claimAndRun(): Promise<string[]> {
    if (this.stopped) return [];
    try {
      const now = this.clock.now();
      await this.states.ensureStates(now);
      const free = this.config.sync.concurrency - this.inflight.size;
      const claimed =
        free > 0 ? await this.states.claimDue(this.identity.id, now, new Date(now.getTime() + LEASE_MS), free) : [];
      for (const sourceId of claimed) this.start(sourceId);
      if (claimed.length < free) await this.armWake(now);
      await this.housekeeping(now.getTime());
      return claimed;
    } catch (error) {
      this.logger.warn({ err: error }, 'sync tick failed; the next tick tries again');
      return [];
    }
  }

  /** Sets the one-shot wake-up for the next due source when it falls before the next tick. */
  private async armWake(now: Date): Promise<void> {
    if (!this.config.sync.enabled || this.stopped) return;
    const due = await this.states.nextDueAt(now);
    if (!due) return;
    const delay = Math.max(due.getTime() - now.getTime(), MIN_WAKE_MS);
    if (delay >= this.config.sync.tickMs) return;
    const at = Date.now() + delay;
    if (this.wake && this.wake.at <= at) return;
    if (this.wake) clearTimeout(this.wake.timer);
    const timer = setTimeout(() => {
      this.wake = null;
      void this.tick();
    }, delay);
    timer.unref();
    this.wake = { at, timer };
  }

  private start(sourceId: string): void {
    const run = this.runner
      .runClaimed(sourceId)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error, sourceId }, 'sync run crashed'))
      .finally(() => {
        this.inflight.delete(sourceId);
        // A slot is free and a run may have been queued meanwhile: look again now, not at the next timer.
        void this.tick();
      });
    this.inflight.set(sourceId, run);
  }

  private async housekeeping(nowMs: number): Promise<void> {
    if (nowMs - this.lastFreshnessCheck >= FRESHNESS_CHECK_MS) {
      this.lastFreshnessCheck = nowMs;
      await this.freshness.check();
    }
    if (nowMs - this.lastRetention >= RETENTION_EVERY_MS) {
      this.lastRetention = nowMs;
      await this.retention.prune();
    }
  }
}
