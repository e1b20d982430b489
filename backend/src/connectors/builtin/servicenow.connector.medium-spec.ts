import type {
  ConnectorDefinition,
  ConnectorDefinitionInput,
  ConnectorSummary,
  Incident,
  IncidentsPage,
  SourceDefinitionInput,
} from '@switchyard/contracts';
import { SERVICENOW_PASSWORD, SERVICENOW_USER } from '@switchyard/simulator';
import { DataSource } from 'typeorm';
import { startSyncTestbed, type SyncTestbed } from '../../../test/support/sync-testbed';

type SnField = { value: string; display_value: string };
type SnIncident = Record<string, SnField>;

const SEVERITY: Record<string, string> = { '1': 'critical', '2': 'high', '3': 'medium', '4': 'low', '5': 'low' };
const STATE: Record<string, string> = {
  '1': 'new',
  '2': 'in_progress',
  '3': 'on_hold',
  '6': 'resolved',
  '7': 'closed',
};
/** "YYYY-MM-DD HH:mm:ss" (UTC, as the Table API's stored values are) → ISO 8601. */
const utc = (sql: string) => (sql === '' ? null : new Date(`${sql.replace(' ', 'T')}Z`).toISOString());

/** What Switchyard should store for one Table API record, written out from ServiceNow's field list. */
function expectedIncident(r: SnIncident): Incident {
  return {
    id: r.number.value,
    kind: 'incident',
    title: r.short_description.value,
    severity: SEVERITY[r.priority.value] as Incident['severity'],
    state: STATE[r.state.value] as Incident['state'],
    assignmentGroup: r.assignment_group.display_value || null,
    assignee: r.assigned_to.display_value || null,
    departmentId: r.u_department.display_value || null,
    location: r.location.display_value || null,
    reportedAt: utc(r.opened_at.value) as string,
    resolvedAt: utc(r.resolved_at.value),
  };
}

describe('the built-in ServiceNow connector against the simulated Table API', () => {
  let bed: SyncTestbed;
  let db: DataSource;
  // The simulator's clock stands still unless a test moves it, so records change only on `advance`.
  let clock = Date.now() - 10 * 60_000;

  const instanceUrl = () => `${bed.simulator.url}/servicenow`;
  const source = (id: string, credentialId = 'sn-integration', connectorId = 'servicenow'): SourceDefinitionInput => ({
    id,
    name: id,
    kind: 'http-pull',
    connector: { id: connectorId, stream: 'incidents', credentialId, config: { instanceUrl: instanceUrl() } },
    cadence: { type: 'interval', everySeconds: 3600 },
    freshness: { warnAfterSeconds: 600, staleAfterSeconds: 1800, trackDataAge: false },
    timeoutMs: 5000,
    retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 50 },
  });
  /** The vendor's own answer, read directly with the demo user. */
  const table = async (query = 'ORDERBYnumber'): Promise<{ rows: SnIncident[]; total: number }> => {
    const url = new URL(`${instanceUrl()}/api/now/table/incident`);
    url.searchParams.set('sysparm_query', query);
    url.searchParams.set('sysparm_display_value', 'all');
    url.searchParams.set('sysparm_exclude_reference_link', 'true');
    const answer = await fetch(url, {
      headers: {
        authorization: `Basic ${Buffer.from(`${SERVICENOW_USER}:${SERVICENOW_PASSWORD}`).toString('base64')}`,
      },
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { result: SnIncident[] };
    return { rows: body.result, total: Number(answer.headers.get('x-total-count')) };
  };
  const storedCount = async (sourceId: string) =>
    Number(
      (
        await db.query<Array<{ n: string }>>(
          `SELECT count(*) AS n FROM incidents WHERE source_id = $1 AND deleted_at IS NULL`,
          [sourceId],
        )
      )[0].n,
    );
  const incidents = async () => (await bed.api<IncidentsPage>('/incidents?pageSize=200')).body.items;
  const requestsToTable = () =>
    bed.simulator
      .requests({ vendor: 'servicenow' })
      .map((r) => new URL(r.path, 'http://x'))
      .filter((u) => u.pathname.endsWith('/api/now/table/incident'));

  beforeAll(async () => {
    bed = await startSyncTestbed({ now: () => clock, evolveEveryMs: 1e12 });
    db = bed.app.app.get(DataSource);
    for (const [id, secret] of [
      ['sn-integration', SERVICENOW_PASSWORD],
      ['sn-wrong-password', 'not-the-password'],
    ]) {
      const created = await bed.api('/credentials', {
        method: 'POST',
        body: { id, name: id, kind: 'basic', clientId: SERVICENOW_USER, secret },
      });
      expect(created.status).toBe(201);
    }
  });

  afterAll(async () => {
    await bed.close();
  });

  it('is listed by GET /connectors with Basic auth and one incidents stream', async () => {
    const list = await bed.api<{ items: ConnectorSummary[] }>('/connectors');
    expect(list.body.items).toContainEqual(
      expect.objectContaining({
        id: 'servicenow',
        builtIn: true,
        authType: 'basic',
        streams: [{ name: 'incidents', label: 'Incidents', domain: 'incidents', targets: ['incidents'] }],
      }),
    );
  });

  it('syncs every incident and stores each as ServiceNow describes it', async () => {
    const vendor = await table();
    expect(vendor.total).toBeGreaterThan(20);
    await bed.createSource(source('sn-incidents'));
    bed.simulator.clearRequests();
    const run = await bed.sync('sn-incidents', 'full');
    expect(run).toMatchObject({ status: 'succeeded', recordsFetched: vendor.total, recordsUpserted: vendor.total });
    expect(await storedCount('sn-incidents')).toBe(vendor.total);

    // The first request: the documented parameters, ordered so that paging is stable.
    const [first] = requestsToTable();
    expect(first.searchParams.get('sysparm_query')).toBe('ORDERBYsys_updated_on');
    expect(first.searchParams.get('sysparm_display_value')).toBe('all');
    expect(first.searchParams.get('sysparm_limit')).toBe('500');

    const stored = await incidents();
    const resolved = vendor.rows.find((r) => r.state.value === '6' && r.resolved_at.value !== '');
    const unassigned = vendor.rows.find((r) => r.assigned_to.value === '');
    const samples = [vendor.rows[0], vendor.rows[vendor.rows.length - 1], resolved, unassigned].filter(
      (r): r is SnIncident => r !== undefined,
    );
    expect(samples.length).toBeGreaterThanOrEqual(3);
    for (const sample of samples) expect(stored).toContainEqual(expectedIncident(sample));
    // One record spelled out, so a mapping and its expectation cannot drift together.
    const one = stored.find((i) => i.id === vendor.rows[0].number.value);
    expect(one).toMatchObject({ id: 'INC0010001', kind: 'incident' });
    expect(one?.reportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);

    const status = (await bed.source('sn-incidents')).status;
    const newest = vendor.rows
      .map((r) => r.sys_updated_on.value)
      .sort()
      .at(-1) as string;
    expect(status.cursor).toBe(utc(newest));
  });

  it('follows the Link header to the last page (a copy with 10 rows a page)', async () => {
    // Built-ins cannot be changed; an administrator copies one (GET, new id, POST) to adapt it.
    const { baseUrl, config, auth, headers, streams } = (await bed.api<ConnectorDefinition>('/connectors/servicenow'))
      .body;
    const copy: ConnectorDefinitionInput = {
      id: 'servicenow-small-pages',
      name: 'ServiceNow, small pages',
      baseUrl,
      config,
      auth,
      headers,
      streams: [{ ...streams[0], pagination: { type: 'link-header', sizeParam: 'sysparm_limit', pageSize: 10 } }],
    };
    const saved = await bed.api('/connectors', { method: 'POST', body: copy });
    expect(saved.status).toBe(201);

    const { total } = await table();
    bed.simulator.clearRequests();
    await bed.createSource(source('sn-paged', 'sn-integration', 'servicenow-small-pages'));
    const run = await bed.sync('sn-paged', 'full');
    expect(run).toMatchObject({ status: 'succeeded', pages: Math.ceil(total / 10), recordsFetched: total });
    expect(await storedCount('sn-paged')).toBe(total);
    const offsets = requestsToTable().map((u) => Number(u.searchParams.get('sysparm_offset') ?? 0));
    expect(offsets).toEqual(Array.from({ length: Math.ceil(total / 10) }, (_, i) => i * 10));
    // Every page keeps the query, so the order holds across pages.
    expect(new Set(requestsToTable().map((u) => u.searchParams.get('sysparm_query')))).toEqual(
      new Set(['ORDERBYsys_updated_on']),
    );
  });

  it('resumes from the stored cursor and asks only for what changed since', async () => {
    const before = (await bed.source('sn-incidents')).status.cursor as string;
    clock += 60_000;
    bed.simulator.advance('servicenow', 3);
    const since = before.slice(0, 19).replace('T', ' ');
    const changed = await table(`sys_updated_on>=${since}^ORDERBYsys_updated_on`);
    expect(changed.total).toBeGreaterThan(0);
    const { total: all } = await table();
    expect(changed.total).toBeLessThan(all);

    bed.simulator.clearRequests();
    const run = await bed.sync('sn-incidents', 'incremental');
    expect(run).toMatchObject({ status: 'succeeded', recordsFetched: changed.total });
    const [request] = requestsToTable();
    expect(request.searchParams.get('sysparm_query')).toBe(`sys_updated_on>=${since}^ORDERBYsys_updated_on`);

    const stored = await incidents();
    for (const row of changed.rows) expect(stored).toContainEqual(expectedIncident(row));
    expect(await storedCount('sn-incidents')).toBe(all);
    const after = (await bed.source('sn-incidents')).status.cursor as string;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  });

  it('waits out a 429 with Retry-After as rate_limited, not failed', async () => {
    await bed.createSource(source('sn-limited'));
    bed.simulator.addFault('servicenow', { type: 'rate_limit', retryAfterSeconds: 30, count: 1 });
    const run = await bed.sync('sn-limited', 'full');
    expect(run).toMatchObject({
      status: 'failed',
      errorCode: 'UPSTREAM_RATE_LIMITED',
      errorCategory: 'rate_limit',
      retryAfterSeconds: 30,
    });
    const status = (await bed.source('sn-limited')).status;
    expect(status.freshness.state).toBe('rate_limited');
    expect(Date.parse(status.rateLimitedUntil as string)).toBeGreaterThan(Date.now() + 20_000);
  });

  it('reports a refused password as UPSTREAM_AUTH_FAILED with ServiceNow’s own message', async () => {
    await bed.createSource(source('sn-bad-login', 'sn-wrong-password'));
    const run = await bed.sync('sn-bad-login', 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'UPSTREAM_AUTH_FAILED' });
    expect(run.errorMessage).toContain('User Not Authenticated');
    expect(await storedCount('sn-bad-login')).toBe(0);
  });
});
