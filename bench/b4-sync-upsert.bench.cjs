// B4: normalize + upsert of 100,000 CRM leads, beside a bare COPY of the same rows
// into an identical table. Needs Postgres (DATABASE_URL, or the machine's server).
require('reflect-metadata');
const { randomBytes } = require('node:crypto');
const { pipeline } = require('node:stream/promises');
const { Readable } = require('node:stream');
const { Client } = require('pg');
const { from: copyFrom } = require('pg-copy-streams');
const { DataSource } = require('typeorm');
const { figure, median, timed } = require('./lib/harness.cjs');
const { ENTITY_GLOBS, withDatabase } = require('./lib/database.cjs');

const dist = (path) => require(`../dist/backend/${path}`);
const { buildDataSourceOptions } = dist('database/data-source-options');
const { runMigrations } = dist('database/migrate');
const { NormalizedStore } = dist('sync/normalize/normalized-store');
const { normalizePages } = dist('sync/normalize/normalize-pages');
const { StreamMapper } = dist('connectors/engine/mapping');
const { simulatorCrm } = dist('connectors/builtin/simulator.connectors');
const { SecretBox } = dist('common/crypto/secret-box');

const RECORDS = Number(process.env.B4_RECORDS ?? 100_000);
const PAGE_SIZE = 1000;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const SOURCES = ['Website', 'Referral', 'Facebook', 'Google Ads', 'Walk-in', 'Event'];
const STATUSES = ['New', 'Contacted', 'Qualified', 'Unqualified', 'Converted', 'Lost'];

function leadPages(version) {
  const pages = [];
  for (let start = 0; start < RECORDS; start += PAGE_SIZE) {
    const data = [];
    for (let i = start; i < Math.min(RECORDS, start + PAGE_SIZE); i += 1) {
      data.push({
        lead_id: 100000 + i,
        first_name: `First${i}`,
        last_name: `Last${i % 997}`,
        email: `lead${i}@example.com`,
        phone: `+1555${String(i).padStart(7, '0')}`,
        lead_source: SOURCES[i % SOURCES.length],
        lead_status: STATUSES[(i + version) % STATUSES.length],
        owner: `Owner ${i % 17}`,
        created_at: '2026-10-01 09:00:00',
        updated_at: `2026-11-${String(1 + (i % 25)).padStart(2, '0')} 10:00:00`,
      });
    }
    pages.push({ status: 'success', current_page: pages.length + 1, data });
  }
  return pages;
}

async function run() {
  return withDatabase(async (url) => {
    const dataSource = await new DataSource(
      buildDataSourceOptions({ kind: 'postgres', url, poolSize: 2, healthTimeoutMs: 2000 }, ENTITY_GLOBS),
    ).initialize();
    await runMigrations(dataSource);
    const store = new NormalizedStore(dataSource, new SecretBox([{ id: 'bench', key: randomBytes(32) }]));
    const source = { id: 'crm-bench-leads', tenant: 'bench' };
    await dataSource.query(
      `INSERT INTO sources (id, name, kind, domain, connector, tenant_id, cadence, timeout_ms, retry, retry_schedule, breaker, freshness, created_at, updated_at)
       VALUES ($1, 'bench', 'webhook', 'crm-leads', '{"id":"simulator-crm","stream":"leads"}', 'bench', '{}', 1000, '{}', '{}', '{}', '{}', now(), now())`,
      [source.id],
    );
    await dataSource.query(`CREATE TABLE crm_leads_copy (LIKE crm_leads INCLUDING ALL)`);
    const normalizer = new StreamMapper(simulatorCrm.streams.find((s) => s.name === 'leads'));
    const context = {};
    const fresh = leadPages(0);
    const changed = leadPages(1);

    const upsert = async (pages) => {
      const normalized = normalizePages(normalizer, pages, context, null);
      const rows = normalized.tables.get('crm_leads');
      return dataSource.transaction((manager) => store.upsert(manager, 'crm_leads', source, rows, new Date()));
    };
    const samples = { insert: [], unchanged: [], update: [], copy: [] };
    let written = 0;
    for (let i = 0; i < REPEATS; i += 1) {
      await dataSource.query(`TRUNCATE crm_leads`);
      const insert = await timed(() => upsert(fresh));
      written = insert.result.changed.length;
      samples.insert.push(insert.ms);
      samples.unchanged.push((await timed(() => upsert(fresh))).ms);
      samples.update.push((await timed(() => upsert(changed))).ms);
      samples.copy.push(await copyBaseline(url, dataSource, fresh, normalizer, context));
    }
    await dataSource.destroy();
    if (written !== RECORDS) throw new Error(`B4 wrote ${written} rows, expected ${RECORDS}`);
    const rate = (ms) => RECORDS / (ms / 1000);
    const copy = { name: `COPY of the same ${RECORDS} rows`, value: rate(median(samples.copy)), unit: 'rows/s' };
    return {
      id: 'B4',
      title: `Sync normalize + upsert of ${RECORDS.toLocaleString('en-US')} CRM leads (Postgres)`,
      figures: [
        figure('normalize + upsert, new rows', rate(median(samples.insert)), 'rows/s', copy, true),
        figure('normalize + upsert, all unchanged (hash skip)', rate(median(samples.unchanged)), 'rows/s', copy, true),
        figure('normalize + upsert, every row changed', rate(median(samples.update)), 'rows/s', copy, true),
      ],
    };
  });
}

/** The bare baseline: the same normalized rows streamed with COPY into an identical table. */
async function copyBaseline(url, dataSource, pages, normalizer, context) {
  const rows = normalizePages(normalizer, pages, context, null).tables.get('crm_leads');
  const now = new Date().toISOString();
  const csv = rows.map((r) => {
    const v = r.values;
    return [
      source(r.externalId),
      'bench',
      r.contentHash,
      r.sourceUpdatedAt.toISOString(),
      now,
      v.firstName,
      v.lastName,
      v.email,
      v.phone,
      v.leadSource,
      v.status,
      v.owner,
      v.createdAtSource.toISOString(),
    ]
      .map(csvField)
      .join(',');
  });
  await dataSource.query(`TRUNCATE crm_leads_copy`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { ms } = await timed(() =>
      pipeline(
        Readable.from(csv.map((line) => `crm-bench-leads,${line}\n`)),
        client.query(
          copyFrom(`COPY crm_leads_copy (source_id, external_id, tenant_id, content_hash, source_updated_at, synced_at,
            first_name, last_name, email, phone, lead_source, status, owner, created_at_source) FROM STDIN WITH (FORMAT csv)`),
        ),
      ),
    );
    return ms;
  } finally {
    await client.end();
  }
}

const source = (id) => id;
const csvField = (value) => (value === null || value === undefined ? '' : `"${String(value).replace(/"/g, '""')}"`);

module.exports = { run };
