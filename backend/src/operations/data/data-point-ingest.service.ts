import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { CATEGORY_MODULE, type DataPointStatus, type OpsCategory } from '@switchyard/contracts';
import { Clock, DomainException } from '../../common';
import { AppConfig } from '../../config';
import { classifyValue } from '../alerts/alert-state';
import { AlertsRepository } from '../alerts/alerts.repository';
import { OpsDataRepository, type NewDataPoint } from './ops-data.repository';

/** A point as it arrives: status and module access may be derived. */
export type IncomingDataPoint = Omit<NewDataPoint, 'status' | 'moduleAccess'> & {
  status?: string;
  moduleAccess?: string[];
};

interface Waiting {
  points: IncomingDataPoint[];
  resolve(): void;
  reject(error: unknown): void;
}

export class BufferFullException extends DomainException {
  constructor(source: string, capacity: number) {
    super(
      'SERVICE_UNAVAILABLE',
      503,
      `The data point buffer of source ${source} is full (${capacity} points waiting to be written); retry shortly`,
      { retryAfter: 1 },
    );
  }
}

/**
 * Bounded per-source buffers, written in batches: when enough points wait
 * (OPS_FLUSH_BATCH_SIZE) or the oldest has waited OPS_FLUSH_INTERVAL_MS. `add` settles
 * only once its points are committed, so nothing acknowledged can be lost; a full buffer
 * refuses new points (503 with Retry-After) instead of growing or dropping.
 */
@Injectable()
export class DataPointIngest implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DataPointIngest.name);
  private readonly buffered = new Map<string, number>();
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private written = 0;
  private listener: ((metrics: string[]) => void) | null = null;
  private pointsListener: ((points: readonly NewDataPoint[]) => void) | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly data: OpsDataRepository,
    private readonly rules: AlertsRepository,
    private readonly clock: Clock,
  ) {}

  /** Called with the metrics of each committed batch (the alert evaluator listens). */
  onCommitted(listener: (metrics: string[]) => void): void {
    this.listener = listener;
  }

  /** Called with the points of each committed batch pushed through the API (the live `datapoints` topic). */
  onPointsCommitted(listener: (points: readonly NewDataPoint[]) => void): void {
    this.pointsListener = listener;
  }

  get pending(): number {
    return [...this.buffered.values()].reduce((a, b) => a + b, 0);
  }

  get totalWritten(): number {
    return this.written;
  }

  /** Buffers the points and resolves once they are committed; refuses them all if a buffer is full. */
  add(points: IncomingDataPoint[]): Promise<void> {
    const perSource = new Map<string, number>();
    for (const p of points) perSource.set(p.source, (perSource.get(p.source) ?? 0) + 1);
    const capacity = this.config.ops.bufferSize;
    for (const [source, n] of perSource) {
      if ((this.buffered.get(source) ?? 0) + n > capacity) throw new BufferFullException(source, capacity);
    }
    for (const [source, n] of perSource) this.buffered.set(source, (this.buffered.get(source) ?? 0) + n);
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ points, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Takes in samples a sync run stored (data_points, by id). They arrive as a committed batch
   * already, so they are copied in one statement rather than through the buffers.
   */
  async takeSynced(sourceId: string, externalIds: readonly string[]): Promise<number> {
    const metrics = await this.data.copySynced(sourceId, externalIds, CATEGORY_MODULE, this.clock.now());
    if (metrics.length > 0) this.listener?.(metrics);
    return metrics.length;
  }

  /** Writes whatever is buffered now (and waits for a write in progress). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.waiting.length === 0) return;
    this.flushing = this.writeBatch().finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  /** Before the database closes: whatever is buffered is written, and its callers answered. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.flush();
  }

  private schedule(): void {
    if (this.pending >= this.config.ops.flushBatchSize) {
      void this.flush();
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.config.ops.flushIntervalMs);
  }

  private async writeBatch(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.waiting;
    this.waiting = [];
    const points = batch.flatMap((w) => w.points);
    try {
      const rows = await this.complete(points);
      await this.data.insertBatch(rows, this.clock.now());
      this.written += rows.length;
      for (const w of batch) w.resolve();
      this.listener?.([...new Set(rows.map((r) => r.metric))]);
      this.pointsListener?.(rows);
    } catch (error) {
      this.logger.error({ err: error, points: points.length }, 'could not write a batch of data points');
      for (const w of batch) w.reject(error);
    } finally {
      for (const p of points) this.buffered.set(p.source, (this.buffered.get(p.source) ?? 1) - 1);
      for (const [source, n] of this.buffered) if (n <= 0) this.buffered.delete(source);
      // Points that arrived during the write go out now rather than after another interval.
      if (this.waiting.length > 0) this.schedule();
    }
  }

  /** Status from the metric's rule when not given; module access from the category when not given. */
  private async complete(points: IncomingDataPoint[]): Promise<NewDataPoint[]> {
    const missing = [...new Set(points.filter((p) => !p.status).map((p) => p.metric))];
    const rules = new Map((await this.rules.rulesForMetrics(missing)).map((r) => [r.metric, r]));
    return points.map((p) => {
      const rule = rules.get(p.metric);
      const status: DataPointStatus =
        (p.status as DataPointStatus | undefined) ??
        (rule
          ? (classifyValue({ ...rule, direction: rule.direction as 'above' | 'below' }, p.value) ?? 'healthy')
          : 'healthy');
      return {
        ...p,
        status,
        moduleAccess: p.moduleAccess ?? [CATEGORY_MODULE[p.category as OpsCategory] ?? 'system'],
      };
    });
  }
}
