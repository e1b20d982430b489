import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SeriesBucket, SeriesResolution } from '@switchyard/contracts';
import type { DataSource } from 'typeorm';
import type { LatestValue } from '../snapshot/build-snapshot';

/** A data point ready to be written. */
export interface NewDataPoint {
  source: string;
  category: string;
  metric: string;
  value: number;
  status: string;
  metadata: Record<string, unknown>;
  /** The series' labels besides its source (none when absent). */
  labels?: Record<string, string>;
  moduleAccess: string[];
  recordedAt: Date;
}

/** The newest point of one series (metric + source + labels). */
export interface SeriesLatest {
  metric: string;
  source: string;
  labels: Record<string, string>;
  category: string;
  value: number;
  recordedAt: Date;
}

export interface PruneCutoffs {
  raw: Date;
  minute: Date;
  hour: Date;
}

/** The batch travels as one JSON parameter and is unpacked by Postgres: one round trip per batch. */
const BATCH_ROWS = `jsonb_to_recordset($1::jsonb) AS r(source varchar, category varchar, metric varchar, value float8,
  status varchar, metadata jsonb, labels jsonb, module_access text[], recorded_at timestamptz)`;

const bucketOf = (column: string, seconds: string) =>
  `to_timestamp(floor(extract(epoch FROM ${column}) / ${seconds}) * ${seconds})`;

const POINT_COLUMNS = 'source, category, metric, value, status, metadata, module_access, recorded_at, ingested_at';

/** Folds the rows of the `inserted` CTE into the 1-minute and 1-hour rollups. */
const FOLD_INTO_ROLLUPS = `INSERT INTO ops_rollups (metric, resolution, bucket_start, count, sum, min, max)
  SELECT i.metric, b.resolution, ${bucketOf('i.recorded_at', 'b.seconds')}, count(*), sum(i.value), min(i.value), max(i.value)
  FROM inserted i CROSS JOIN (VALUES ('1m', 60), ('1h', 3600)) AS b(resolution, seconds)
  GROUP BY i.metric, b.resolution, b.seconds, 3
  ON CONFLICT (metric, resolution, bucket_start) DO UPDATE SET
    count = ops_rollups.count + EXCLUDED.count,
    sum = ops_rollups.sum + EXCLUDED.sum,
    min = LEAST(ops_rollups.min, EXCLUDED.min),
    max = GREATEST(ops_rollups.max, EXCLUDED.max)`;

interface BucketRow {
  at: Date | string;
  avg: number | string;
  min: number | string;
  max: number | string;
  count: number | string;
}

/** SQL of the operations data: raw points, rollups and retention. */
@Injectable()
export class OpsDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes a batch and folds it into the 1-minute and 1-hour rollups: one statement, one transaction. */
  async insertBatch(points: readonly NewDataPoint[], ingestedAt: Date): Promise<void> {
    if (points.length === 0) return;
    const payload = JSON.stringify(
      points.map((p) => ({
        source: p.source,
        category: p.category,
        metric: p.metric,
        value: p.value,
        status: p.status,
        metadata: p.metadata,
        labels: p.labels ?? {},
        module_access: p.moduleAccess,
        recorded_at: p.recordedAt.toISOString(),
      })),
    );
    await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO ops_data_points (${POINT_COLUMNS}, labels)
         SELECT r.source, r.category, r.metric, r.value, r.status, coalesce(r.metadata, '{}'), r.module_access,
                r.recorded_at, $2, coalesce(r.labels, '{}')
         FROM ${BATCH_ROWS}
         RETURNING metric, value, recorded_at)
       ${FOLD_INTO_ROLLUPS}`,
      [payload, ingestedAt],
    );
  }

  /**
   * Copies samples a sync stored in data_points (by their ids) into the operations data, with
   * status from the metric's rule and module access from the category, and folds them into the
   * rollups: one statement, however many samples. Answers the metrics written.
   */
  async copySynced(
    sourceId: string,
    externalIds: readonly string[],
    categoryModules: Record<string, string>,
    ingestedAt: Date,
  ): Promise<string[]> {
    const rows: Array<{ metric: string }> = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO ops_data_points (${POINT_COLUMNS})
         SELECT d.source_id, d.category, d.metric, d.value,
                CASE WHEN r.direction = 'above' AND d.value >= r.critical THEN 'critical'
                     WHEN r.direction = 'above' AND d.value >= r.warning THEN 'warning'
                     WHEN r.direction = 'below' AND d.value <= r.critical THEN 'critical'
                     WHEN r.direction = 'below' AND d.value <= r.warning THEN 'warning'
                     ELSE 'healthy' END,
                CASE WHEN d.unit IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('unit', d.unit) END,
                ARRAY[coalesce($3::jsonb ->> d.category, 'system')], d.recorded_at, $4
         FROM data_points d
         LEFT JOIN LATERAL (SELECT direction, warning, critical FROM ops_alert_rules
                            WHERE metric = d.metric AND enabled ORDER BY id LIMIT 1) r ON true
         WHERE d.source_id = $1 AND d.external_id = ANY($2::varchar[]) AND d.deleted_at IS NULL
         RETURNING metric, value, recorded_at)
       ${FOLD_INTO_ROLLUPS}
       RETURNING metric`,
      [sourceId, [...externalIds], JSON.stringify(categoryModules), ingestedAt],
    );
    return [...new Set(rows.map((r) => r.metric))];
  }

  /**
   * The newest point of each metric (of the given metrics, or all). One index probe per metric
   * on (metric, recorded_at): the metric names are walked with a recursive skip scan rather
   * than sorting every row, so the cost follows the number of metrics, not of points.
   */
  async latest(metrics?: readonly string[]): Promise<Map<string, LatestValue>> {
    const names = metrics
      ? `SELECT unnest($1::varchar[]) AS metric`
      : `WITH RECURSIVE walk AS (
           (SELECT metric FROM ops_data_points ORDER BY metric LIMIT 1)
           UNION ALL
           SELECT (SELECT p.metric FROM ops_data_points p WHERE p.metric > w.metric ORDER BY p.metric LIMIT 1)
           FROM walk w WHERE w.metric IS NOT NULL)
         SELECT metric FROM walk WHERE metric IS NOT NULL`;
    const rows: Array<{ metric: string; category: string; value: number | string; recorded_at: Date | string }> =
      await this.dataSource.query(
        `SELECT l.metric, l.category, l.value, l.recorded_at
         FROM (${names}) AS m
         CROSS JOIN LATERAL (SELECT p.metric, p.category, p.value, p.recorded_at FROM ops_data_points p
                             WHERE p.metric = m.metric ORDER BY p.recorded_at DESC LIMIT 1) AS l`,
        metrics ? [[...metrics]] : [],
      );
    return new Map(
      rows.map((r) => [
        r.metric,
        { metric: r.metric, category: r.category, value: Number(r.value), recordedAt: new Date(r.recorded_at) },
      ]),
    );
  }

  /**
   * The newest point of every series of these metrics with a point since `since`: one row
   * per metric, source and labels. Series quiet for longer are not listed (their open
   * alerts, if any, are judged as having no data).
   */
  async latestPerSeries(metrics: readonly string[], since: Date): Promise<SeriesLatest[]> {
    if (metrics.length === 0) return [];
    const rows: Array<{
      metric: string;
      source: string;
      labels: Record<string, string>;
      category: string;
      value: number | string;
      recorded_at: Date | string;
    }> = await this.dataSource.query(
      `SELECT DISTINCT ON (metric, source, labels) metric, source, labels, category, value, recorded_at
       FROM ops_data_points WHERE metric = ANY($1::varchar[]) AND recorded_at >= $2
       ORDER BY metric, source, labels, recorded_at DESC, id DESC`,
      [[...metrics], since],
    );
    return rows.map((r) => ({
      metric: r.metric,
      source: r.source,
      labels: r.labels ?? {},
      category: r.category,
      value: Number(r.value),
      recordedAt: new Date(r.recorded_at),
    }));
  }

  /** Every metric with raw points, and the modules that may see it (from its newest point). */
  async metricModules(): Promise<Map<string, { modules: string[]; unit: string | null }>> {
    const rows: Array<{ metric: string; module_access: string[]; unit: string | null }> = await this.dataSource.query(
      `WITH RECURSIVE walk AS (
         (SELECT metric FROM ops_data_points ORDER BY metric LIMIT 1)
         UNION ALL
         SELECT (SELECT p.metric FROM ops_data_points p WHERE p.metric > w.metric ORDER BY p.metric LIMIT 1)
         FROM walk w WHERE w.metric IS NOT NULL)
       SELECT w.metric, l.module_access, l.unit FROM walk w
       CROSS JOIN LATERAL (SELECT p.module_access, p.metadata ->> 'unit' AS unit FROM ops_data_points p
                           WHERE p.metric = w.metric ORDER BY p.recorded_at DESC LIMIT 1) AS l
       WHERE w.metric IS NOT NULL`,
    );
    return new Map(rows.map((r) => [r.metric, { modules: r.module_access, unit: r.unit ?? null }]));
  }

  /** The modules that may see a metric, from its newest point; null when it has no raw points. */
  async moduleAccessOf(metric: string): Promise<string[] | null> {
    const rows: Array<{ module_access: string[] }> = await this.dataSource.query(
      `SELECT module_access FROM ops_data_points WHERE metric = $1 ORDER BY recorded_at DESC LIMIT 1`,
      [metric],
    );
    return rows.length ? rows[0].module_access : null;
  }

  async valueAtOrBefore(metric: string, at: Date): Promise<number | null> {
    const rows: Array<{ value: number | string }> = await this.dataSource.query(
      `SELECT value FROM ops_data_points WHERE metric = $1 AND recorded_at <= $2 ORDER BY recorded_at DESC LIMIT 1`,
      [metric, at],
    );
    return rows.length ? Number(rows[0].value) : null;
  }

  async countPoints(): Promise<number> {
    const rows: Array<{ n: string | number }> = await this.dataSource.query(
      `SELECT count(*) AS n FROM ops_data_points`,
    );
    return Number(rows[0].n);
  }

  async countSourcesSince(since: Date): Promise<number> {
    const rows: Array<{ n: string | number }> = await this.dataSource.query(
      `SELECT count(DISTINCT source) AS n FROM ops_data_points WHERE recorded_at >= $1`,
      [since],
    );
    return Number(rows[0].n);
  }

  /** Buckets of `stepSeconds` over [from, to): from raw points, or from rollups of a resolution. */
  async series(
    metric: string,
    from: Date,
    to: Date,
    stepSeconds: number,
    resolution: SeriesResolution,
  ): Promise<SeriesBucket[]> {
    const rows: BucketRow[] =
      resolution === 'raw'
        ? await this.dataSource.query(
            `SELECT ${bucketOf('recorded_at', '$4::float8')} AS at, avg(value) AS avg, min(value) AS min,
                    max(value) AS max, count(*) AS count
             FROM ops_data_points WHERE metric = $1 AND recorded_at >= $2 AND recorded_at < $3
             GROUP BY 1 ORDER BY 1`,
            [metric, from, to, stepSeconds],
          )
        : await this.dataSource.query(
            `SELECT ${bucketOf('bucket_start', '$4::float8')} AS at, sum(sum) / sum(count) AS avg, min(min) AS min,
                    max(max) AS max, sum(count) AS count
             FROM ops_rollups WHERE metric = $1 AND resolution = $5 AND bucket_start >= $2 AND bucket_start < $3
             GROUP BY 1 ORDER BY 1`,
            [metric, from, to, stepSeconds, resolution],
          );
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      avg: Number(r.avg),
      min: Number(r.min),
      max: Number(r.max),
      count: Number(r.count),
    }));
  }

  /** Deletes raw points and rollups older than their cutoffs. */
  async prune(cutoffs: PruneCutoffs): Promise<{ raw: number; rollups: number }> {
    const raw: [unknown[], number] = await this.dataSource.query(`DELETE FROM ops_data_points WHERE recorded_at < $1`, [
      cutoffs.raw,
    ]);
    const rollups: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM ops_rollups WHERE (resolution = '1m' AND bucket_start < $1) OR (resolution = '1h' AND bucket_start < $2)`,
      [cutoffs.minute, cutoffs.hour],
    );
    // The sync-fed samples behind the raw points age out with them.
    await this.dataSource.query(`DELETE FROM data_points WHERE recorded_at < $1`, [cutoffs.raw]);
    return { raw: affected(raw), rollups: affected(rollups) };
  }
}

/** DELETE through DataSource.query answers [rows, affected] on both drivers. */
function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
