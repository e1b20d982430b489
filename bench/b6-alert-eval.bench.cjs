// B6: operations alerting and snapshot on Postgres (DATABASE_URL, or the machine's server).
//  - data point committed -> alert state committed, p99, with 1,000 alert rules defined, beside
//    a bare INSERT + SELECT round trip on the same connection pool;
//  - one snapshot build over 100,000 data points, beside a bare SELECT aggregate over the rows.
require('reflect-metadata');
const { DataSource } = require('typeorm');
const { figure, median, timed } = require('./lib/harness.cjs');
const { ENTITY_GLOBS, withDatabase } = require('./lib/database.cjs');

const dist = (path) => require(`../dist/backend/${path}`);
const { buildDataSourceOptions } = dist('database/data-source-options');
const { runMigrations } = dist('database/migrate');
const { SystemClock } = dist('common/clock');
const { DomainEventBus } = dist('events/domain-event-bus');
const { OpsDataRepository } = dist('operations/data/ops-data.repository');
const { AlertsRepository } = dist('operations/alerts/alerts.repository');
const { AlertEvaluator } = dist('operations/alerts/alert-evaluator.service');
const { DataPointIngest } = dist('operations/data/data-point-ingest.service');
const { SnapshotBuilder } = dist('operations/snapshot/snapshot-builder');

const RULES = 1000;
const EVALUATIONS = Number(process.env.B6_EVALUATIONS ?? 400);
const POINTS = Number(process.env.B6_POINTS ?? 100_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3) + 2;

function p99(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.99) - 1)];
}

/** Each evaluation: one point pushed through the buffer and committed, then its rules evaluated and written. */
async function alertLatency(dataSource) {
  const clock = new SystemClock();
  const data = new OpsDataRepository(dataSource);
  const alerts = new AlertsRepository(dataSource);
  // The evaluator reads each source's tenant (alerts carry it); the benchmark's points come from no source.
  const sources = { findAll: () => dataSource.query(`SELECT id, tenant_id AS tenant FROM sources`) };
  const evaluator = new AlertEvaluator(alerts, data, new DomainEventBus(), clock, sources);
  const config = { ops: { bufferSize: 10_000, flushBatchSize: 1, flushIntervalMs: 0 } };
  const ingest = new DataPointIngest(config, data, alerts, clock);
  // Created two hours ago: past their no-data grace, so every rule is really evaluated.
  await dataSource.query(
    `INSERT INTO ops_alert_rules (id, name, metric, warning, critical, direction, hold_seconds, no_data_after_seconds,
       alert_on_no_data, labels, enabled, created_at, updated_at)
     SELECT 'b6_' || g, 'bench ' || g, 'b6_m' || g, 50, 80, 'above', 0, 3600, false, '{}', true,
            now() - interval '2 hours', now()
     FROM generate_series(1, $1) g`,
    [RULES],
  );
  await dataSource.query(
    `CREATE TABLE b6_bare (id bigserial PRIMARY KEY, metric varchar(64), value float8, at timestamptz)`,
  );
  const evaluated = [];
  const bare = [];
  let transitions = 0;
  for (let i = 0; i < EVALUATIONS; i += 1) {
    // 200 rules breach, then recover, and so on: every evaluation writes transitions.
    const metric = `b6_m${1 + (i % 200)}`;
    const value = Math.floor(i / 200) % 2 === 0 ? 95 : 10;
    const run = await timed(async () => {
      await ingest.add([{ source: 'bench', category: 'custom', metric, value, metadata: {}, recordedAt: new Date() }]);
      return evaluator.evaluateRules([metric]);
    });
    transitions += run.result.length;
    evaluated.push(run.ms);
    bare.push(
      (
        await timed(async () => {
          const [row] = await dataSource.query(
            `INSERT INTO b6_bare (metric, value, at) VALUES ($1, $2, now()) RETURNING id`,
            [metric, value],
          );
          return dataSource.query(`SELECT metric, value FROM b6_bare WHERE id = $1`, [row.id]);
        })
      ).ms,
    );
  }
  const full = (await timed(() => evaluator.evaluateRules())).ms;
  if (transitions === 0) throw new Error('B6 evaluations wrote no alert transitions');
  return { evaluated, bare, full, transitions };
}

/** 100,000 points over the simulator's 36 metric names, then snapshot builds beside a bare aggregate. */
async function snapshotBuild(dataSource) {
  await dataSource.query(`DELETE FROM ops_data_points`);
  await dataSource.query(
    `INSERT INTO ops_data_points (source, category, metric, value, status, metadata, module_access, recorded_at, ingested_at)
     SELECT 'bench', 'system_health', 'metric_' || (g % 36), random() * 100, 'healthy', '{}', ARRAY['system'],
            now() - (g || ' seconds')::interval, now()
     FROM generate_series(1, $1) g`,
    [POINTS],
  );
  await dataSource.query(`ANALYZE ops_data_points`);
  const builder = new SnapshotBuilder(
    new OpsDataRepository(dataSource),
    new AlertsRepository(dataSource),
    new SystemClock(),
  );
  const builds = [];
  const bare = [];
  for (let i = 0; i < REPEATS; i += 1) {
    builds.push((await timed(() => builder.build())).ms);
    bare.push(
      (
        await timed(() =>
          dataSource.query(
            `SELECT metric, max(recorded_at), avg(value), count(*) FROM ops_data_points GROUP BY metric`,
          ),
        )
      ).ms,
    );
  }
  const snapshot = await builder.build();
  if (snapshot.performance.totalDataPoints !== POINTS) throw new Error('B6 snapshot did not see every point');
  return { builds: builds.slice(1), bare: bare.slice(1) };
}

async function run() {
  return withDatabase(async (url) => {
    const dataSource = await new DataSource(
      buildDataSourceOptions({ kind: 'postgres', url, poolSize: 4, healthTimeoutMs: 2000 }, ENTITY_GLOBS),
    ).initialize();
    try {
      await runMigrations(dataSource);
      const latency = await alertLatency(dataSource);
      const snapshot = await snapshotBuild(dataSource);
      const bareRoundTrip = { name: 'bare INSERT + SELECT round trip p99', value: p99(latency.bare), unit: 'ms' };
      const bareAggregate = {
        name: `bare SELECT ... GROUP BY metric over ${POINTS.toLocaleString('en-US')} rows`,
        value: median(snapshot.bare),
        unit: 'ms',
      };
      return {
        id: 'B6',
        title: `Alert evaluation with ${RULES.toLocaleString('en-US')} rules and snapshot build over ${POINTS.toLocaleString('en-US')} points (Postgres)`,
        figures: [
          figure('point committed -> alert state committed, p99', p99(latency.evaluated), 'ms', bareRoundTrip, false),
          figure(
            'point committed -> alert state committed, median',
            median(latency.evaluated),
            'ms',
            {
              ...bareRoundTrip,
              name: 'bare INSERT + SELECT round trip median',
              value: median(latency.bare),
            },
            false,
          ),
          figure(`full evaluation of all ${RULES} rules`, latency.full, 'ms', bareRoundTrip, false),
          figure('snapshot build', median(snapshot.builds), 'ms', bareAggregate, false),
        ],
      };
    } finally {
      await dataSource.destroy();
    }
  });
}

module.exports = { run };
