import type {
  ConnectorSummary,
  CrmHotListPage,
  CrmLead,
  CrmLeadPage,
  CrmNotePage,
  SourceDefinitionInput,
} from '@switchyard/contracts';
import { CLIENTTETHER_ACCESS_TOKEN, clientTetherWebKey } from '@switchyard/simulator';
import { DataSource } from 'typeorm';
import { startSyncTestbed, type SyncTestbed } from '../../../test/support/sync-testbed';

type Row = Record<string, string>;
const TENANT = 'acme-fitness';
const STREAMS = {
  leads: { call: 'read_client_list', table: 'crm_leads', key: 'client_id' },
  pipeline: { call: 'read_opportunity_list', table: 'crm_pipeline_items', key: 'opportunity_id' },
  hot_list: { call: 'read_hot_list', table: 'crm_hot_list_items', key: 'hot_list_id' },
  notes: { call: 'read_history_notes_list', table: 'crm_notes', key: 'note_id' },
  schedule: { call: 'read_all_events', table: 'crm_scheduled_activities', key: 'event_id' },
} as const;
type StreamName = keyof typeof STREAMS;
const sourceId = (stream: StreamName) => `ct-${stream.replace('_', '-')}`;
/** Fields ClientTether sends that no Switchyard column takes (a change there changes no row). */
const UNMAPPED: Partial<Record<StreamName, string[]>> = {
  leads: ['clients_sales_cycle', 'external_id'],
  pipeline: ['sales_cycle_id'],
};
const mapped = (stream: StreamName, row: Row) =>
  JSON.stringify(Object.entries(row).filter(([field]) => !(UNMAPPED[stream] ?? []).includes(field)));
/** ClientTether's "YYYY-MM-DD HH:mm:ss" (UTC) → ISO 8601. */
const utc = (sql: string) => (sql === '' ? null : new Date(`${sql.replace(' ', 'T')}Z`).toISOString());

describe('the built-in ClientTether connector against the simulated API 2.0', () => {
  let bed: SyncTestbed;
  let db: DataSource;
  let clock = Date.now() - 10 * 60_000;
  const vendor: Partial<Record<StreamName, Row[]>> = {};

  const apiUrl = () => `${bed.simulator.url}/clienttether/v2/api`;
  const source = (id: string, stream: StreamName, credentialId = 'ct-acme-fitness'): SourceDefinitionInput => ({
    id,
    name: id,
    kind: 'http-pull',
    tenant: TENANT,
    connector: { id: 'clienttether', stream, credentialId, config: { apiUrl: apiUrl() } },
    cadence: { type: 'interval', everySeconds: 3600 },
    freshness: { warnAfterSeconds: 600, staleAfterSeconds: 1800, trackDataAge: false },
    timeoutMs: 5000,
    retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 50 },
  });
  /** Every row of one call, read directly with the brand's keys. */
  const read = async (stream: StreamName, brand = TENANT): Promise<Row[]> => {
    const rows: Row[] = [];
    for (let offset = 0; ; offset += 100) {
      const answer = await fetch(`${apiUrl()}/${STREAMS[stream].call}?limit=100&offset=${offset}`, {
        headers: { 'x-access-token': CLIENTTETHER_ACCESS_TOKEN, 'x-web-key': clientTetherWebKey(brand) },
      });
      expect(answer.status).toBe(200);
      const page = ((await answer.json()) as { data: Row[] }).data;
      rows.push(...page);
      if (page.length < 100) return rows;
    }
  };
  const stored = (stream: StreamName, id: string) =>
    db.query<Array<Record<string, unknown>>>(
      `SELECT * FROM ${STREAMS[stream].table} WHERE source_id = $1 AND deleted_at IS NULL ORDER BY external_id`,
      [id],
    );
  const requests = () =>
    bed.simulator
      .requests({ vendor: 'clienttether' })
      .map((r) => new URL(r.path, 'http://x'))
      .map((u) => `${u.pathname.split('/').at(-1)}?${u.searchParams.toString()}`);

  beforeAll(async () => {
    bed = await startSyncTestbed({ now: () => clock, evolveEveryMs: 1e12 });
    db = bed.app.app.get(DataSource);
    for (const [id, token] of [
      ['ct-acme-fitness', CLIENTTETHER_ACCESS_TOKEN],
      ['ct-acme-fitness-old-token', 'ct-token-before-the-admin-edit'],
    ]) {
      const created = await bed.api('/credentials', {
        method: 'POST',
        body: {
          id,
          name: id,
          kind: 'token',
          tenant: TENANT,
          secret: token,
          fields: { webKey: clientTetherWebKey(TENANT) },
        },
      });
      expect(created.status).toBe(201);
    }
    for (const stream of Object.keys(STREAMS) as StreamName[]) vendor[stream] = await read(stream);
  });

  afterAll(async () => {
    await bed.close();
  });

  it('is listed by GET /connectors with API keys and five CRM streams', async () => {
    const list = await bed.api<{ items: ConnectorSummary[] }>('/connectors');
    const connector = list.body.items.find((c) => c.id === 'clienttether');
    expect(connector).toMatchObject({ builtIn: true, authType: 'api-keys' });
    expect(connector?.streams.map((s) => [s.name, s.targets])).toEqual([
      ['leads', ['crm-leads']],
      ['pipeline', ['crm-pipeline']],
      ['hot_list', ['crm-hot-list']],
      ['notes', ['crm-notes']],
      ['schedule', ['crm-schedule']],
    ]);
  });

  it.each(Object.keys(STREAMS) as StreamName[])(
    'pages %s to the end: one row per ClientTether record',
    async (stream) => {
      const rows = vendor[stream] as Row[];
      expect(rows.length).toBeGreaterThan(20);
      await bed.createSource(source(sourceId(stream), stream));
      bed.simulator.clearRequests();
      const run = await bed.sync(sourceId(stream), 'full');
      expect(run).toMatchObject({ status: 'succeeded', recordsFetched: rows.length, recordsUpserted: rows.length });
      const ids = (await stored(stream, sourceId(stream))).map((r) => r.external_id);
      expect(ids).toEqual(rows.map((r) => r[STREAMS[stream].key]).sort());
      const pages = Math.floor(rows.length / 100) + 1;
      expect(requests()).toEqual(
        Array.from({ length: pages }, (_, i) => `${STREAMS[stream].call}?offset=${i * 100}&limit=100`),
      );
    },
  );

  it('stores leads as ClientTether gives them, read back through /crm/leads', async () => {
    for (const lead of (vendor.leads as Row[]).slice(0, 3)) {
      const answer = await bed.api<CrmLead>(`/crm/leads/${lead.client_id}?tenant=${TENANT}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        id: lead.client_id,
        firstName: lead.firstName,
        lastName: lead.lastName,
        email: lead.email,
        phone: lead.phone,
        source: lead.clients_lead_source,
        status: lead.clients_lead_status,
        owner: lead.assigned_user,
        createdAt: utc(lead.created),
        updatedAt: utc(lead.last_modified_date),
      });
    }
  });

  it('converts pipeline, hot-list, note and event strings to numbers, dates and Switchyard names', async () => {
    const deal = (vendor.pipeline as Row[])[0];
    const [storedDeal] = (await stored('pipeline', sourceId('pipeline'))).filter(
      (r) => r.external_id === deal.opportunity_id,
    );
    expect(storedDeal).toMatchObject({
      lead_external_id: deal.client_id,
      name: deal.opportunity_name,
      stage: deal.contact_sales_cycle,
      value: Number(deal.deal_size),
      probability: Number(deal.probability),
      stage_entered_at: new Date(utc(deal.sales_cycle_entered_date) as string),
    });
    const [close] = await db.query<Array<{ day: string }>>(
      `SELECT expected_close::text AS day FROM crm_pipeline_items WHERE source_id = $1 AND external_id = $2`,
      [sourceId('pipeline'), deal.opportunity_id],
    );
    expect(close.day).toBe(deal.expected_close_date);

    const hot = (vendor.hot_list as Row[])[0];
    const hotList = await bed.api<CrmHotListPage>(`/crm/hot-list?tenant=${TENANT}&pageSize=100`);
    expect(hotList.body.items).toContainEqual({
      id: hot.hot_list_id,
      leadId: hot.client_id,
      name: hot.client_name,
      reason: hot.reason,
      priority: Number(hot.priority),
      status: hot.status,
      lastActivityAt: utc(hot.last_activity_date),
      addedAt: utc(hot.added_date),
    });

    const note = (vendor.notes as Row[])[0];
    const notes = await bed.api<CrmNotePage>(`/crm/notes?tenant=${TENANT}&pageSize=200`);
    expect(notes.body.items).toContainEqual(
      expect.objectContaining({
        id: note.note_id,
        leadId: note.client_id,
        author: note.created_by,
        body: note.note,
        date: utc(note.created),
      }),
    );

    const types: Record<string, string> = {
      appt: 'Meeting',
      call: 'Call',
      email: 'Email',
      tour: 'Tour',
      follow_up: 'Follow-up',
    };
    const events = await stored('schedule', sourceId('schedule'));
    for (const event of (vendor.schedule as Row[]).slice(0, 5)) {
      expect(events.find((e) => e.external_id === event.event_id)).toMatchObject({
        lead_external_id: event.client_id,
        activity_type: types[event.event_type],
        title: event.event_title,
        scheduled_for: new Date(utc(event.start_date) as string),
        duration_minutes: Number(event.duration),
        assigned_to: event.assigned_user,
        status: event.event_status,
      });
    }
  });

  it('rereads every page on the next run (ClientTether has no changed-since filter) and updates only what changed', async () => {
    clock += 60_000;
    bed.simulator.advance('clienttether', 3);
    for (const stream of ['leads', 'notes', 'pipeline'] as const) {
      const before = new Map((vendor[stream] as Row[]).map((r) => [r[STREAMS[stream].key], mapped(stream, r)]));
      const after = await read(stream);
      const changed = after.filter((r) => before.get(r[STREAMS[stream].key]) !== mapped(stream, r));
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.length).toBeLessThan(after.length);
      const run = await bed.sync(sourceId(stream), 'incremental');
      expect(run).toMatchObject({ status: 'succeeded', recordsFetched: after.length, recordsUpserted: changed.length });
      expect(await stored(stream, sourceId(stream))).toHaveLength(after.length);
    }
  });

  it('reads another brand with that brand’s web key into that brand’s tenant', async () => {
    const brand = 'bright-smiles';
    const credential = await bed.api('/credentials', {
      method: 'POST',
      body: {
        id: 'ct-bright-smiles',
        name: 'ClientTether bright-smiles',
        kind: 'token',
        tenant: brand,
        secret: CLIENTTETHER_ACCESS_TOKEN,
        fields: { webKey: clientTetherWebKey(brand) },
      },
    });
    expect(credential.status).toBe(201);
    const theirs = await read('leads', brand);
    await bed.createSource({ ...source('ct-bright-leads', 'leads', 'ct-bright-smiles'), tenant: brand });
    const run = await bed.sync('ct-bright-leads', 'full');
    expect(run).toMatchObject({ status: 'succeeded', recordsFetched: theirs.length });
    const page = await bed.api<CrmLeadPage>(`/crm/leads?tenant=${brand}&pageSize=1`);
    expect(page.body.total).toBe(theirs.length);
    const first = await bed.api<CrmLead>(`/crm/leads/${theirs[0].client_id}?tenant=${brand}`);
    expect(first.body).toMatchObject({ firstName: theirs[0].firstName, email: theirs[0].email });
    const ours = (vendor.leads as Row[]).find((l) => l.client_id === theirs[0].client_id);
    expect(ours?.email).not.toBe(theirs[0].email);
  });

  it('waits out a 429 with Retry-After as rate_limited, not failed', async () => {
    await bed.createSource(source('ct-limited', 'leads'));
    bed.simulator.addFault('clienttether', { type: 'rate_limit', retryAfterSeconds: 30, count: 1, brand: TENANT });
    const run = await bed.sync('ct-limited', 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 30 });
    expect((await bed.source('ct-limited')).status.freshness.state).toBe('rate_limited');
  });

  it('reports an outdated access token as UPSTREAM_AUTH_FAILED with ClientTether’s message', async () => {
    await bed.createSource(source('ct-old-token', 'leads', 'ct-acme-fitness-old-token'));
    const run = await bed.sync('ct-old-token', 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'UPSTREAM_AUTH_FAILED' });
    expect(run.errorMessage).toContain('a valid X-Access-Token and X-Web-Key are required');
    expect(await stored('leads', 'ct-old-token')).toHaveLength(0);
  });
});
