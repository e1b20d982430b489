import type {
  ApiErrorResponse,
  ConnectorDefinitionInput,
  IncidentsPage,
  SourceDefinitionInput,
  SourcePreviewResult,
  SourceTestResult,
} from '@switchyard/contracts';
import { DataSource } from 'typeorm';
import {
  ACME_PASSWORD,
  ACME_TENANT_KEY,
  ACME_USER,
  startAcmeOpsApi,
  type AcmeOpsApi,
} from '../../test/support/acme-ops-api';
import { startSyncTestbed, type SyncTestbed } from '../../test/support/sync-testbed';

/** What an administrator writes for the Acme Ops API, whose shape the product has never seen. */
function acmeConnector(): ConnectorDefinitionInput {
  const epoch = { type: 'date-time' as const, format: 'epoch-seconds' as const };
  return {
    id: 'acme-ops',
    name: 'Acme Ops incidents',
    baseUrl: '{{config.host}}/v2',
    config: [{ name: 'host', label: 'Acme Ops URL', required: true }],
    auth: { type: 'basic' },
    headers: { 'X-Tenant-Key': '{{credential.fields.tenantKey}}' },
    streams: [
      {
        name: 'incidents',
        domain: 'incidents',
        request: { path: '/incidents' },
        pagination: { type: 'link-header', maxPages: 20 },
        records: [
          {
            target: 'incidents',
            selector: 'payload.incidents',
            primaryKey: 'ref',
            updatedAt: { path: 'updated', transforms: [epoch] },
            fields: {
              kind: { const: 'incident' },
              title: 'summary',
              severity: {
                path: 'sev',
                transforms: [{ type: 'enum', map: { P1: 'critical', P2: 'high', P3: 'medium', P4: 'low' } }],
              },
              state: {
                path: 'state',
                transforms: [
                  {
                    type: 'enum',
                    map: { open: 'new', working: 'in_progress', parked: 'on_hold', fixed: 'resolved', done: 'closed' },
                  },
                ],
              },
              assignmentGroup: 'team.name',
              assignee: { concat: ['assignee.first', 'assignee.last'] },
              reportedAt: { path: 'opened', transforms: [epoch] },
            },
          },
        ],
      },
      ...(['loop', 'flat', 'text', 'huge'] as const).map((name) => ({
        name,
        domain: 'incidents' as const,
        request: { path: `/${name}` },
        pagination: { type: 'link-header' as const, maxPages: 5 },
        records: [
          {
            target: 'incidents' as const,
            selector: 'payload.incidents',
            primaryKey: 'ref',
            fields: {
              kind: { const: 'incident' },
              title: 'summary',
              severity: { const: 'low' },
              state: { const: 'new' },
              reportedAt: { path: 'opened', transforms: [epoch] },
            },
          },
        ],
      })),
    ],
  };
}

const source = (api: AcmeOpsApi, id: string, stream = 'incidents'): SourceDefinitionInput => ({
  id,
  name: `Acme ${stream}`,
  kind: 'http-pull',
  connector: { id: 'acme-ops', stream, credentialId: 'acme-login', config: { host: api.url } },
  cadence: { type: 'interval', everySeconds: 300 },
  freshness: { warnAfterSeconds: 600, staleAfterSeconds: 1800, trackDataAge: false },
  timeoutMs: 5000,
  retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 50 },
});

describe('a custom connector for an API the product has never seen', () => {
  let bed: SyncTestbed;
  let api: AcmeOpsApi;
  let db: DataSource;
  const incidentRows = async () =>
    Number((await db.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM incidents`))[0].n);

  beforeAll(async () => {
    bed = await startSyncTestbed();
    db = bed.app.app.get(DataSource);
    api = await startAcmeOpsApi();
    const credential = await bed.api('/credentials', {
      method: 'POST',
      body: {
        id: 'acme-login',
        name: 'Acme Ops reader',
        kind: 'basic',
        clientId: ACME_USER,
        secret: ACME_PASSWORD,
        fields: { tenantKey: ACME_TENANT_KEY },
      },
    });
    expect(credential.status).toBe(201);
  });

  afterAll(async () => {
    await bed.close();
    await api.close();
  });

  it('refuses an invalid definition with field errors and stores nothing', async () => {
    const broken = acmeConnector();
    broken.streams[0].records[0].fields.severity = 'sev';
    broken.streams[0].records[0].fields.colour = 'x';
    delete broken.streams[0].records[0].fields.title;
    const answer = await bed.api<ApiErrorResponse>('/connectors', { method: 'POST', body: broken });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.map((f) => f.field).sort()).toEqual([
      'streams.0.records.0.fields.colour',
      'streams.0.records.0.fields.title',
    ]);
    expect((await bed.api('/connectors/acme-ops')).status).toBe(404);
  });

  it('is defined through the API and listed beside the built-ins', async () => {
    const created = await bed.api<{ version: number; builtIn: boolean }>('/connectors', {
      method: 'POST',
      body: acmeConnector(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, builtIn: false });
    const list = await bed.api<{ items: Array<{ id: string; authType: string }> }>('/connectors');
    expect(list.body.items).toContainEqual(expect.objectContaining({ id: 'acme-ops', authType: 'basic' }));
  });

  it('tests the connection: authenticates with Basic plus the tenant header and reads the first page', async () => {
    const answer = await bed.api<SourceTestResult>('/sources/test', {
      method: 'POST',
      body: { source: source(api, 'acme-incidents') },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, recordCount: 10, hasMorePages: true, status: 200 });
  });

  it('answers a refused credential as an upstream error with its status and a plain cause', async () => {
    await bed.api('/credentials', {
      method: 'POST',
      body: { id: 'acme-no-tenant', name: 'no tenant key', kind: 'basic', clientId: ACME_USER, secret: ACME_PASSWORD },
    });
    const draft = {
      ...source(api, 'acme-bad-login'),
      connector: { ...source(api, 'x').connector, credentialId: 'acme-no-tenant' },
    };
    const answer = await bed.api<ApiErrorResponse>('/sources/test', { method: 'POST', body: { source: draft } });
    expect(answer.status).toBe(502);
    expect(answer.body.error).toMatchObject({
      code: 'UPSTREAM_ERROR',
      details: { syncErrorCode: 'UPSTREAM_AUTH_FAILED', category: 'auth', upstreamStatus: 401 },
    });
    expect(answer.body.error.message).toContain('missing X-Tenant-Key');
  });

  it('previews mapped records across Link pages without storing anything', async () => {
    const before = await incidentRows();
    const answer = await bed.api<SourcePreviewResult>('/sources/preview', {
      method: 'POST',
      body: { source: source(api, 'acme-incidents'), limit: 25 },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.fieldErrors).toEqual([]);
    expect(answer.body.records).toHaveLength(25);
    expect(answer.body.records[2]).toMatchObject({
      target: 'incidents',
      externalId: 'OPS-102',
      updatedAt: new Date((1_764_000_000 + 240) * 1000).toISOString(),
      values: {
        kind: 'incident',
        title: 'Conveyor 2 stopped',
        severity: 'medium',
        state: 'on_hold',
        assignmentGroup: 'Line 2',
        assignee: 'Ada Operator2',
      },
    });
    expect(await incidentRows()).toBe(before);
  });

  it('gives per-field errors for a bad mapping in preview, and stores nothing', async () => {
    const draft = acmeConnector();
    const fields = draft.streams[0].records[0].fields;
    fields.severity = { path: 'sev', transforms: [{ type: 'enum', map: { P1: 'critical' } }] };
    fields.reportedAt = 'summary';
    const before = await incidentRows();
    const answer = await bed.api<SourcePreviewResult>('/sources/preview', {
      method: 'POST',
      body: { source: source(api, 'acme-incidents'), connector: draft, limit: 5 },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.fieldErrors).toContainEqual({
      record: 1,
      externalId: 'OPS-101',
      target: 'incidents',
      field: 'severity',
      message: '"P2" is not one of the mapped values (P1) (read from "sev")',
    });
    expect(answer.body.fieldErrors).toContainEqual(
      expect.objectContaining({
        record: 0,
        field: 'reportedAt',
        message: expect.stringContaining('is not a date-time') as unknown,
      }),
    );
    expect(await incidentRows()).toBe(before);
  });

  it('saves the source, refreshes, and serves the mapped rows from /incidents with freshness', async () => {
    await bed.createSource(source(api, 'acme-incidents'));
    const run = await bed.sync('acme-incidents', 'full');
    expect(run).toMatchObject({ status: 'succeeded', pages: 3, recordsFetched: 25, recordsUpserted: 25 });
    const page = await bed.api<IncidentsPage>('/incidents?pageSize=100');
    const ours = page.body.items.filter((i) => i.id.startsWith('OPS-'));
    expect(ours).toHaveLength(25);
    expect(ours.find((i) => i.id === 'OPS-104')).toMatchObject({
      title: 'Conveyor 4 stopped',
      severity: 'critical',
      state: 'closed',
      assignmentGroup: 'Line 1',
      reportedAt: new Date((1_764_000_000 + 240) * 1000).toISOString(),
    });
    expect(page.body.freshness.sources).toContainEqual(
      expect.objectContaining({ id: 'acme-incidents', state: 'fresh' }),
    );
  });

  it.each([
    ['a selector that finds nothing', 'flat', 'UPSTREAM_SCHEMA_MISMATCH', 'found no list in the response'],
    ['a page loop (the same next link twice)', 'loop', 'UPSTREAM_SCHEMA_MISMATCH', 'the pagination loops'],
    ['a response of 50 MB', 'huge', 'UPSTREAM_MALFORMED_RESPONSE', 'byte limit'],
    ['a body that is not JSON', 'text', 'UPSTREAM_MALFORMED_RESPONSE', 'text/html'],
  ])('records %s as a failed run with its cause and stores nothing', async (_what, stream, code, cause) => {
    const id = `acme-${stream}`;
    await bed.createSource(source(api, id, stream));
    const before = await incidentRows();
    const run = await bed.sync(id, 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: code });
    expect(run.errorMessage).toContain(cause);
    expect(await incidentRows()).toBe(before);
    const snapshots = await db.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM raw_snapshots WHERE source_id = $1`,
      [id],
    );
    expect(Number(snapshots[0].n)).toBe(0);
    const status = (await bed.source(id)).status;
    expect(status.lastError).toMatchObject({ code });
  });
});
