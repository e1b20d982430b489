import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type {
  BackendInstance,
  ClientErrorAccepted,
  ClientErrorReport,
  Page,
  SystemStatus,
} from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { Clock, InstanceIdentity, toPage, type PageWindow } from '../common';
import { AppConfig } from '../config';
import { DatabaseProbe } from '../database';
import { MetricsService } from '../metrics';
import { BackendInstanceRepository } from './backend-instance.repository';
import { toBackendInstance } from './instance-state';

const HEARTBEAT_JOB = 'backend-instance-heartbeat';
/** Instances silent for longer than this are forgotten, which bounds the table. */
const FORGET_AFTER_MS = 7 * 24 * 3600 * 1000;

@Injectable()
export class SystemService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SystemService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly identity: InstanceIdentity,
    private readonly clock: Clock,
    private readonly probe: DatabaseProbe,
    private readonly instances: BackendInstanceRepository,
    private readonly metrics: MetricsService,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const now = this.clock.now();
    await this.instances.register({
      id: this.identity.id,
      hostname: this.identity.hostname,
      pid: this.identity.pid,
      version: this.config.version,
      startedAt: this.identity.startedAt,
      lastSeenAt: now,
      stoppedAt: null,
    });
    const timer = setInterval(() => void this.heartbeat(), this.config.instanceHeartbeatSeconds * 1000);
    timer.unref();
    this.scheduler.addInterval(HEARTBEAT_JOB, timer);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', HEARTBEAT_JOB)) this.scheduler.deleteInterval(HEARTBEAT_JOB);
    await this.instances.markStopped(this.identity.id, this.clock.now()).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not record this instance as stopped');
    });
  }

  /** Records that this instance is alive and forgets long-gone ones. Never throws. */
  async heartbeat(): Promise<void> {
    const now = this.clock.now();
    try {
      await this.instances.touch(this.identity.id, now);
      await this.instances.pruneNotSeenSince(new Date(now.getTime() - FORGET_AFTER_MS));
    } catch (error) {
      this.logger.warn({ err: error }, 'instance heartbeat failed; will retry on the next beat');
    }
  }

  async status(): Promise<Omit<SystemStatus, 'generatedAt'>> {
    const now = this.clock.now();
    const database = await this.probe.status();
    return {
      readiness: database.reachable ? 'ready' : 'not_ready',
      version: this.config.version,
      nodeVersion: process.version,
      environment: this.config.environment,
      startedAt: this.identity.startedAt.toISOString(),
      uptimeSeconds: Math.floor((now.getTime() - this.identity.startedAt.getTime()) / 1000),
      instanceId: this.identity.id,
      database,
    };
  }

  async listInstances(window: PageWindow): Promise<Omit<Page<BackendInstance>, 'generatedAt'>> {
    const now = this.clock.now();
    const [rows, total] = await this.instances.list(window);
    const items = rows.map((row) => toBackendInstance(row, now, this.config.instanceHeartbeatSeconds));
    return toPage(window, items, total);
  }

  /** Browser errors go to the log with their trace id, where on-call already looks. */
  reportClientError(report: ClientErrorReport): Omit<ClientErrorAccepted, 'generatedAt'> {
    const id = randomUUID();
    this.metrics.clientErrors.inc({ level: report.level });
    this.logger.warn({ reportId: id, clientError: report }, `console ${report.level}: ${report.message}`);
    return { id };
  }
}
