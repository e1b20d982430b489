import type { ConnectorDefinition, SourceDefinitionInput } from '@switchyard/contracts';
import { JIRA_API_TOKEN, JIRA_EMAIL } from '@switchyard/simulator';
import { DataSource } from 'typeorm';
import {
  selectRows,
  simulatorConnector,
  startSyncTestbed,
  testSource,
  type SyncTestbed,
} from '../../../test/support/sync-testbed';

interface ProjectRow {
  external_id: string;
  name: string;
  portfolio: string;
  status: string;
  priority: string;
  owner_name: string | null;
  owner_email: string | null;
  budget: number;
  actual_cost: number;
  percent_complete: number;
  planned_progress: number;
  start_date: string | null;
  end_date: string | null;
  strategic_goal: string | null;
}

const COLUMNS = `external_id, name, portfolio, status, priority, owner_name, owner_email, budget, actual_cost,
  percent_complete, planned_progress, to_char(start_date, 'YYYY-MM-DD') AS start_date,
  to_char(end_date, 'YYYY-MM-DD') AS end_date, strategic_goal`;

describe('built-in connector jira against the simulator’s Jira Cloud REST v3', () => {
  let bed: SyncTestbed;
  let db: DataSource;
  let keys: string[];

  beforeAll(async () => {
    // Data moves only when a test advances it: the PM and Jira twins evolve separately.
    bed = await startSyncTestbed({ evolveEveryMs: 3_600_000 });
    db = bed.app.app.get(DataSource);
    for (const [id, secret] of [
      ['jira-basic', JIRA_API_TOKEN],
      ['jira-wrong', 'not-the-token'],
    ]) {
      const created = await bed.api('/credentials', {
        method: 'POST',
        body: { id, name: id, kind: 'basic', clientId: JIRA_EMAIL, secret },
      });
      expect(created.status).toBe(201);
    }
    const response = await fetch(`${bed.simulator.url}/jira/rest/api/3/project/search?maxResults=100`, {
      headers: { authorization: `Basic ${Buffer.from(`${JIRA_EMAIL}:${JIRA_API_TOKEN}`).toString('base64')}` },
    });
    keys = ((await response.json()) as { values: Array<{ key: string }> }).values.map((p) => p.key);
  });

  afterEach(() => {
    bed.simulator.clearFaults();
  });

  afterAll(async () => {
    await bed.close();
  });

  const source = (id: string, credentialId = 'jira-basic'): SourceDefinitionInput =>
    testSource(bed.simulator.url, {
      id,
      connector: {
        id: 'jira',
        stream: 'projects',
        credentialId,
        config: { siteUrl: `${bed.simulator.url}/jira`, projectKeys: keys.join(', ') },
      },
    });
  const rows = (sourceId: string) =>
    selectRows<ProjectRow>(
      db,
      `SELECT ${COLUMNS} FROM projects WHERE source_id = $1 AND deleted_at IS NULL ORDER BY external_id`,
      [sourceId],
    );
  const requests = () => bed.simulator.requests({ vendor: 'jira' }).filter((r) => r.path.includes('/search/jql'));

  it('stores one project per Epic, the same portfolio the PM system holds, paging to the end', async () => {
    expect(keys).toHaveLength(24);
    await bed.createSource(source('jira'));
    bed.simulator.clearRequests();
    const run = await bed.sync('jira', 'full');
    // 24 projects × (1 Epic + milestone Tasks + 8 Stories) over pages of 100 issues; only Epics become rows.
    expect(run).toMatchObject({ status: 'succeeded', errorCode: null, pages: 4, recordsFetched: 312 });
    const pages = requests();
    expect(pages).toHaveLength(4);
    expect(pages.slice(1).every((r) => /nextPageToken=/.test(r.path))).toBe(true);
    expect(pages.every((r) => /fields=summary%2Cstatus/.test(r.path))).toBe(true);

    const stored = await rows('jira');
    expect(stored).toHaveLength(24);
    expect(stored[0]).toEqual({
      external_id: 'PRJ-1001',
      name: 'ERP Migration',
      portfolio: 'Business',
      status: 'Completed',
      priority: 'Low',
      owner_name: 'Ximena Garcia',
      owner_email: 'ximena.garcia@switchyard.example',
      budget: 1686000,
      actual_cost: expect.any(Number) as unknown,
      percent_complete: 100,
      planned_progress: 100,
      start_date: expect.any(String) as unknown,
      end_date: expect.any(String) as unknown,
      strategic_goal: 'customer-growth',
    });

    // The simulator's Jira and PM vendors model the same portfolio: every figure Jira holds agrees,
    // under the PPM tool's project id, which risks and financials refer to.
    await bed.createSource(
      testSource(bed.simulator.url, {
        id: 'pm-twin',
        connector: simulatorConnector(bed.simulator.url, 'simulator-pm', 'projects', 'pm-oauth'),
      }),
    );
    expect((await bed.sync('pm-twin', 'full')).status).toBe('succeeded');
    const pm = new Map((await rows('pm-twin')).map((r) => [r.external_id, r]));
    expect(stored.map((r) => r.external_id)).toEqual([...pm.keys()]);
    for (const project of stored) {
      const twin = pm.get(project.external_id);
      expect(project).toMatchObject({
        name: twin?.name,
        portfolio: twin?.portfolio,
        priority: twin?.priority,
        owner_email: twin?.owner_email,
        budget: twin?.budget,
        actual_cost: twin?.actual_cost,
        planned_progress: twin?.planned_progress,
        start_date: twin?.start_date,
        end_date: twin?.end_date,
      });
      // Progress (%) counts the Epic's stories done, eight per project: within half a story of the PM figure.
      expect(Math.abs(project.percent_complete - (twin?.percent_complete ?? -100))).toBeLessThanOrEqual(6.25);
    }
    expect(new Set(stored.map((r) => r.status)).size).toBeGreaterThan(1);
  });

  it('falls back to the project key and the status category on a site without the PMO fields', async () => {
    const { baseUrl, config, auth, rateLimit, streams } = (await bed.api<ConnectorDefinition>('/connectors/jira')).body;
    const [stream] = streams;
    const fields = (stream.request.query?.fields ?? '').replace(/,customfield_1005[2-5]/g, '');
    const created = await bed.api('/connectors', {
      method: 'POST',
      body: {
        id: 'jira-plain',
        name: 'Jira without PMO fields',
        baseUrl,
        config,
        auth,
        rateLimit,
        streams: [{ ...stream, request: { ...stream.request, query: { ...stream.request.query, fields } } }],
      },
    });
    expect(created.status).toBe(201);
    const plain = source('jira-plain');
    await bed.createSource({ ...plain, connector: { ...plain.connector, id: 'jira-plain' } });
    expect((await bed.sync('jira-plain', 'full')).status).toBe('succeeded');
    const stored = await rows('jira-plain');
    expect(stored.map((r) => r.external_id)).toEqual([...keys].sort());
    for (const project of stored) {
      const expected = project.status === 'Completed' ? 100 : 50;
      expect(project).toMatchObject({ percent_complete: expected, planned_progress: expected });
      expect(['On Track', 'Completed']).toContain(project.status);
    }
  });

  it('resumes from the stored cursor with an updated >= JQL at minute precision', async () => {
    await bed.createSource(source('jira-incr'));
    expect((await bed.sync('jira-incr', 'full')).status).toBe('succeeded');
    const before = await rows('jira-incr');
    const [{ newest }] = await selectRows<{ newest: string }>(
      db,
      `SELECT to_char(max(source_updated_at) AT TIME ZONE 'UTC', 'YYYY/MM/DD HH24:MI') AS newest
         FROM projects WHERE source_id = $1`,
      ['jira-incr'],
    );

    bed.simulator.advance('jira', 5);
    bed.simulator.clearRequests();
    const run = await bed.sync('jira-incr', 'incremental');
    expect(run.status).toBe('succeeded');
    const [asked] = requests();
    const jql = new URL(asked.path, bed.simulator.url).searchParams.get('jql');
    expect(jql).toBe(`project in (${keys.join(', ')}) AND updated >= "${newest}" ORDER BY updated ASC`);
    // Only issues changed since then come back: the advanced Stories, their Epics (whose
    // Progress the automation rewrote) and the boundary minute.
    expect(run.recordsFetched).toBeLessThan(312);
    const after = await rows('jira-incr');
    const moved = after.filter((row, i) => row.percent_complete !== before[i].percent_complete);
    expect(moved.length).toBeGreaterThan(0);
    for (const row of moved) {
      expect(row.percent_complete).toBeGreaterThan(before[after.indexOf(row)].percent_complete);
    }
    // What the increment left is what a full read gives now.
    await bed.createSource(source('jira-full-now'));
    expect((await bed.sync('jira-full-now', 'full')).status).toBe('succeeded');
    expect(after).toEqual(await rows('jira-full-now'));
  });

  it('waits out a 429 with Retry-After in the rate_limited state', async () => {
    await bed.createSource(source('jira-limited'));
    bed.simulator.addFault('jira', { type: 'rate_limit', retryAfterSeconds: 30, count: 1 });
    const run = await bed.sync('jira-limited', 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 30 });
    expect((await bed.source('jira-limited')).status.freshness.state).toBe('rate_limited');
    expect(await rows('jira-limited')).toEqual([]);
  });

  it('reports a wrong API token as UPSTREAM_AUTH_FAILED with Jira’s own words', async () => {
    await bed.createSource(source('jira-wrong', 'jira-wrong'));
    const run = await bed.sync('jira-wrong', 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'UPSTREAM_AUTH_FAILED' });
    expect(run.errorMessage).toContain('Client must be authenticated to access this resource.');
  });
});
