import {
  ALL_DATA,
  type ApiErrorBody,
  type EventsPage,
  type IncidentsPage,
  type Page,
  type PeoplePage,
  type WorkplaceSummary,
} from '@switchyard/contracts';
import { testSource } from '../../test/support/sync-testbed';
import { startDomainTestbed, type DomainTestbed } from '../../test/support/domain-testbed';

type ErrorAnswer = { error: ApiErrorBody };

describe('workplace API', () => {
  let bed: DomainTestbed;

  beforeAll(async () => {
    bed = await startDomainTestbed();
  });

  afterAll(async () => {
    await bed?.close();
  });

  const expectFieldError = async (path: string, field: string) => {
    const { status, body } = await bed.getAs<ErrorAnswer>('master_admin', path);
    expect(status).toBe(400);
    expect(body.error.fields?.map((f) => f.field)).toContain(field);
  };

  describe('GET /summary', () => {
    it('scores every department with the documented formulas and freshness', async () => {
      const { status, body } = await bed.getAs<WorkplaceSummary>('executive', '/summary');
      expect(status).toBe(200);
      expect(body.departments.map((d) => d.id).sort()).toEqual([
        'Engineering',
        'Finance',
        'Operations',
        'People',
        'Sales',
      ]);
      for (const d of body.departments) {
        const { headcount, openRoles, utilisation } = d.metrics;
        expect(utilisation).toBeCloseTo(headcount / (headcount + openRoles), 3);
        expect(d.metrics.openIncidents).toBeGreaterThanOrEqual(0);
        expect(d.freshness.sources.map((s) => s.id).sort()).toEqual([
          'bamboohr-people',
          'prometheus-metrics',
          'servicenow-incidents',
        ]);
      }
      expect(typeof body.departments[0].metrics.uptime).toBe('number');
      expect(body.generatedAt).toEqual(expect.any(String));
      expect(body.freshness.sources.map((s) => s.id).sort()).toEqual([
        'bamboohr-people',
        'prometheus-metrics',
        'servicenow-incidents',
      ]);
    });

    it('counts open incidents and open requests as the incident list does', async () => {
      const { body } = await bed.getAs<WorkplaceSummary>('master_admin', '/summary?departments=Operations');
      const incidents = await bed.getAs<IncidentsPage>(
        'master_admin',
        '/incidents?department=Operations&state=open&kind=incident&pageSize=1',
      );
      const requests = await bed.getAs<IncidentsPage>(
        'master_admin',
        '/incidents?department=Operations&state=open&kind=request&pageSize=1',
      );
      expect(body.departments[0].metrics.openIncidents).toBe(incidents.body.total);
      expect(body.departments[0].metrics.openTasks).toBe(requests.body.total);
    });

    it('filters departments and answers uptime as of a date', async () => {
      const { body } = await bed.getAs<WorkplaceSummary>(
        'executive',
        '/summary?departments=Operations,Engineering&date=2000-01-01',
      );
      expect(body.departments.map((d) => d.id)).toEqual(['Engineering', 'Operations']);
      expect(body.date).toBe('2000-01-01');
      expect(body.departments[0].metrics.uptime).toBeNull();
    });

    it('refuses unknown departments and bad dates naming the field', async () => {
      await expectFieldError('/summary?departments=Operations,nope', 'departments');
      await expectFieldError('/summary?date=2026-02-31', 'date');
      await expectFieldError('/summary?colour=blue', 'colour');
    });

    it('keeps to the department scope; another department is unknown', async () => {
      const scopes = { ...ALL_DATA, departments: ['Operations'] };
      const { body } = await bed.getAs<WorkplaceSummary>('team_manager', '/summary', { scopes });
      expect(body.departments.map((d) => d.id)).toEqual(['Operations']);
      const other = await bed.getAs<ErrorAnswer>('team_manager', '/summary?departments=Engineering', { scopes });
      expect(other.status).toBe(400);
    });

    it('answers 304 to a matching If-None-Match', async () => {
      const first = await bed.getAs<WorkplaceSummary>('executive', '/summary');
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();
      const second = await bed.getAs<null>('executive', '/summary', { headers: { 'if-none-match': etag ?? '' } });
      expect(second.status).toBe(304);
    });
  });

  describe('GET /people', () => {
    it('lists teams with staffing and pipeline, paginated, without sentiment by default', async () => {
      const { status, body } = await bed.getAs<PeoplePage>('executive', '/people');
      expect(status).toBe(200);
      expect(body.total).toBe(15);
      const [first] = body.items;
      expect(first.headcount).toBeGreaterThanOrEqual(0);
      expect(Object.keys(first.pipeline).sort()).toEqual(['applied', 'hired', 'interviewing', 'offer', 'screening']);
      expect(body.items.some((t) => 'sentimentScore' in t)).toBe(false);
      expect(body.freshness.sources.map((s) => s.id)).toEqual(['bamboohr-people']);
    });

    it('filters by team and by department, singly and combined', async () => {
      const team = await bed.getAs<PeoplePage>('executive', '/people?team=Facilities');
      expect(team.body.items.map((t) => t.id)).toEqual(['Facilities']);
      const department = await bed.getAs<PeoplePage>('executive', '/people?department=Engineering');
      expect(department.body.total).toBe(3);
      expect(department.body.items.every((t) => t.departmentId === 'Engineering')).toBe(true);
      const mismatch = await bed.getAs<PeoplePage>('executive', '/people?department=Engineering&team=Facilities');
      expect(mismatch.body.total).toBe(0);
    });

    it('pages: a page past the end is empty with the right total; pageSize over 200 is refused', async () => {
      const second = await bed.getAs<PeoplePage>('executive', '/people?pageSize=10&page=2');
      expect(second.body.items).toHaveLength(5);
      const past = await bed.getAs<PeoplePage>('executive', '/people?pageSize=10&page=9');
      expect(past.body).toEqual(expect.objectContaining({ items: [], total: 15, page: 9 }));
      await expectFieldError('/people?pageSize=201', 'pageSize');
      await expectFieldError('/people?include=salary', 'include');
    });

    it('shows a team manager only their team', async () => {
      const scopes = { ...ALL_DATA, teams: ['Facilities'] };
      const own = await bed.getAs<PeoplePage>('team_manager', '/people', { scopes });
      expect(own.body.items.map((t) => t.id)).toEqual(['Facilities']);
      const other = await bed.getAs<PeoplePage>('team_manager', '/people?team=Platform', { scopes });
      expect(other.body).toEqual(expect.objectContaining({ items: [], total: 0 }));
    });

    it('refuses sentiment without people.sensitive_read', async () => {
      const { status, body } = await bed.getAs<ErrorAnswer>('executive', '/people?include=sentiment');
      expect(status).toBe(403);
      expect(body.error.code).toBe('FORBIDDEN');
    });

    it('decrypts sentiment for a sensitive reader and audits the read', async () => {
      // BambooHR has no team sentiment: an engagement-survey feed (the simulator's HRIS dialect,
      // departments by code) supplies it, sealed at rest.
      await bed.createSource(testSource(bed.simulator.url, { id: 'engagement-survey' }));
      expect((await bed.sync('engagement-survey')).status).toBe('succeeded');
      const { status, body } = await bed.getAs<PeoplePage>('master_admin', '/people?include=sentiment&department=ops');
      expect(status).toBe(200);
      expect(body.items.length).toBeGreaterThan(0);
      for (const team of body.items) {
        expect(team.sentimentScore).toBeGreaterThanOrEqual(0);
        expect(team.sentimentScore).toBeLessThanOrEqual(1);
      }
      const audit = await bed.api<Page<{ action: string; details: { teams: string[] } }>>(
        '/audit?action=people.sentiment_read',
      );
      expect(audit.body.items[0].details.teams).toEqual(body.items.map((t) => t.id));
      expect((await bed.api('/sources/engagement-survey', { method: 'DELETE' })).status).toBe(204);
    });

    it('still answers from stored data when an HRIS sync fails, keeping the last success clock', async () => {
      const before = await bed.getAs<PeoplePage>('executive', '/people');
      bed.simulator.addFault('bamboohr', { type: 'server_error', status: 503 });
      const run = await bed.sync('bamboohr-people');
      bed.simulator.clearFaults('bamboohr');
      expect(run.status).toBe('failed');
      const after = await bed.getAs<PeoplePage>('executive', '/people');
      expect(after.status).toBe(200);
      expect(after.body.total).toBe(before.body.total);
      expect(after.body.freshness.sources[0].lastSuccessAt).toBe(before.body.freshness.sources[0].lastSuccessAt);
    });
  });

  describe('GET /events', () => {
    it('lists occurrences sorted by start inside the window, with stable ids', async () => {
      const { status, body } = await bed.getAs<EventsPage>('team_manager', '/events?timeframe=30d&pageSize=200');
      expect(status).toBe(200);
      const starts = body.items.map((o) => o.start);
      expect([...starts].sort()).toEqual(starts);
      for (const o of body.items) {
        expect(o.id).toBe(`${o.eventId}@${o.start}`);
        expect(o.start >= body.from && o.start < body.to).toBe(true);
      }
      expect(body.freshness.sources.map((s) => s.id)).toEqual(['google-calendar-events']);
    });

    it('filters by location case-insensitively and combines with the window', async () => {
      const all = await bed.getAs<EventsPage>('team_manager', '/events?timeframe=30d&pageSize=200');
      const hq = await bed.getAs<EventsPage>('team_manager', '/events?timeframe=30d&location=hq&pageSize=200');
      expect(hq.body.total).toBe(all.body.items.filter((o) => o.location?.toLowerCase() === 'hq').length);
      const shorter = await bed.getAs<EventsPage>('team_manager', '/events?timeframe=1d&location=HQ&pageSize=200');
      expect(shorter.body.total).toBeLessThanOrEqual(hq.body.total);
    });

    it('honours from and pages past the end', async () => {
      const from = '2000-01-01T00:00:00Z';
      const { body } = await bed.getAs<EventsPage>('team_manager', `/events?from=${from}&timeframe=7d`);
      expect(body).toEqual(expect.objectContaining({ items: [], total: 0, from: '2000-01-01T00:00:00.000Z' }));
      const past = await bed.getAs<EventsPage>('team_manager', '/events?timeframe=90d&page=500');
      expect(past.body.items).toEqual([]);
      expect(past.body.total).toBeGreaterThan(0);
    });

    it('refuses bad timeframes and unknown fields naming the field', async () => {
      await expectFieldError('/events?timeframe=91d', 'timeframe');
      await expectFieldError('/events?timeframe=week', 'timeframe');
      await expectFieldError('/events?from=yesterday', 'from');
      await expectFieldError('/events?site=hq', 'site');
    });
  });

  describe('GET /incidents', () => {
    it('lists tickets newest first', async () => {
      const { status, body } = await bed.getAs<IncidentsPage>('team_manager', '/incidents?pageSize=200');
      expect(status).toBe(200);
      expect(body.total).toBeGreaterThan(0);
      const reported = body.items.map((i) => i.reportedAt);
      expect([...reported].sort().reverse()).toEqual(reported);
      expect(body.freshness.sources.map((s) => s.id)).toEqual(['servicenow-incidents']);
    });

    it('filters by state group, severity list, department and kind, singly and combined', async () => {
      const open = await bed.getAs<IncidentsPage>('team_manager', '/incidents?state=open&pageSize=200');
      expect(open.body.items.every((i) => ['new', 'in_progress', 'on_hold'].includes(i.state))).toBe(true);
      const closed = await bed.getAs<IncidentsPage>('team_manager', '/incidents?state=closed&pageSize=1');
      const all = await bed.getAs<IncidentsPage>('team_manager', '/incidents?pageSize=1');
      expect(open.body.total + closed.body.total).toBe(all.body.total);
      const severe = await bed.getAs<IncidentsPage>('team_manager', '/incidents?severity=high,critical&pageSize=200');
      expect(severe.body.items.every((i) => ['high', 'critical'].includes(i.severity))).toBe(true);
      const combined = await bed.getAs<IncidentsPage>(
        'team_manager',
        '/incidents?state=open&severity=high,critical&department=Operations&kind=incident&pageSize=200',
      );
      expect(
        combined.body.items.every(
          (i) =>
            i.departmentId === 'Operations' &&
            i.kind === 'incident' &&
            ['high', 'critical'].includes(i.severity) &&
            ['new', 'in_progress', 'on_hold'].includes(i.state),
        ),
      ).toBe(true);
      expect(combined.body.total).toBeLessThanOrEqual(open.body.total);
    });

    it('refuses unknown enum values naming the field', async () => {
      await expectFieldError('/incidents?state=pending', 'state');
      await expectFieldError('/incidents?severity=high,urgent', 'severity');
      await expectFieldError('/incidents?kind=outage', 'kind');
    });

    it('keeps to the department scope', async () => {
      const scopes = { ...ALL_DATA, departments: ['Engineering'] };
      const { body } = await bed.getAs<IncidentsPage>('team_manager', '/incidents?pageSize=200', { scopes });
      expect(body.total).toBeGreaterThan(0);
      expect(body.items.every((i) => i.departmentId === 'Engineering')).toBe(true);
      const other = await bed.getAs<IncidentsPage>('team_manager', '/incidents?department=Operations', { scopes });
      expect(other.body.total).toBe(0);
    });

    it('is closed to a role without incidents.read', async () => {
      const { status } = await bed.getAs<ErrorAnswer>('read_only_viewer', '/incidents');
      expect(status).toBe(403);
    });
  });
});
