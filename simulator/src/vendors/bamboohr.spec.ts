import { call, credentials, startSimulator, type TestSimulator } from '../spec-helpers';

interface Directory {
  fields: { id: string; type: string; name: string }[];
  employees: { id: string; department: string; division: string; supervisor: string | null; workEmail: string }[];
}
interface Departments {
  departments: { name: string; openRoles: number; teams: { name: string; headcount: number; openRoles: number }[] }[];
}

describe('bamboohr (BambooHR API v1)', () => {
  let t: TestSimulator;
  beforeEach(async () => {
    t = await startSimulator();
  });
  afterEach(() => t.sim.close());

  const bamboo = (path: string, headers: Record<string, string> = credentials('bamboohr')) =>
    call(t.sim, `/bamboohr/api/v1${path}`, { headers });
  const hris = async () =>
    (await call(t.sim, '/hris/api/departments', { headers: credentials('hris') })).json<Departments>();

  it('refuses a missing or wrong API key with 401, no body and the error header', async () => {
    const missing = await bamboo('/employees/directory', { accept: 'application/json' });
    expect(missing.status).toBe(401);
    expect(missing.text).toBe('');
    expect(missing.headers.get('x-bamboohr-error-message')).toBe('Invalid API key');
    const wrong = Buffer.from('not-the-key:x').toString('base64');
    expect((await bamboo('/employees/directory', { authorization: `Basic ${wrong}` })).status).toBe(401);
    // The password is ignored: any value works with the right key.
    const anyPassword = Buffer.from('bamboohr-demo-api-key:anything').toString('base64');
    expect((await bamboo('/employees/directory', { authorization: `Basic ${anyPassword}` })).status).toBe(200);
  });

  it('answers the directory as JSON with fields and employees, or XML without Accept: application/json', async () => {
    const answer = await bamboo('/employees/directory');
    const directory = answer.json<Directory>();
    expect(directory.fields.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'displayName',
        'firstName',
        'lastName',
        'jobTitle',
        'workEmail',
        'department',
        'division',
        'location',
        'supervisor',
      ]),
    );
    expect(directory.employees.length).toBeGreaterThan(50);
    expect(new Set(directory.employees.map((e) => e.workEmail)).size).toBe(directory.employees.length);

    const xml = await bamboo('/employees/directory', { authorization: credentials('bamboohr').authorization });
    expect(xml.headers.get('content-type')).toContain('application/xml');
    expect(xml.text).toContain('<directory><fieldset>');
  });

  it('serves the gateway.php form for the demo company only', async () => {
    const gateway = await call(t.sim, '/bamboohr/api/gateway.php/switchyard/v1/employees/directory', {
      headers: credentials('bamboohr'),
    });
    expect(gateway.text).toEqual((await bamboo('/employees/directory')).text);
    const other = await call(t.sim, '/bamboohr/api/gateway.php/acme/v1/employees/directory', {
      headers: credentials('bamboohr'),
    });
    expect(other.status).toBe(404);
  });

  it('adds up to the HRIS headcounts and open roles, before and after steps', async () => {
    for (const steps of [0, 30]) {
      if (steps > 0) {
        t.sim.advance('hris', steps);
        t.sim.advance('bamboohr', steps);
      }
      const directory = (await bamboo('/employees/directory')).json<Directory>();
      const jobs = (await bamboo('/applicant_tracking/jobs?statusGroups=Open')).json<
        { department: { label: string } }[]
      >();
      for (const department of (await hris()).departments) {
        for (const team of department.teams) {
          const members = directory.employees.filter((e) => e.department === team.name);
          expect(members).toHaveLength(team.headcount);
          expect(members.every((e) => e.division === department.name)).toBe(true);
          expect(jobs.filter((j) => j.department.label === team.name)).toHaveLength(team.openRoles);
        }
      }
    }
  });

  it('lists only employees changed since a time, and reads one employee’s fields', async () => {
    const none = (await bamboo('/employees/changed?since=2026-05-14T09:00:00Z')).json<{ employees: object }>();
    expect(none.employees).toEqual({});
    t.sim.advance('bamboohr', 40);
    const changed = (await bamboo('/employees/changed?since=2026-05-14T09:00:00Z')).json<{
      latest: string;
      employees: Record<string, { id: string; action: string; lastChanged: string }>;
    }>();
    const entries = Object.values(changed.employees);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.lastChanged === '2026-05-14T09:00:00+00:00')).toBe(true);
    const one = (await bamboo(`/employees/${entries[0].id}?fields=firstName,hireDate,department`)).json();
    expect(Object.keys(one)).toEqual(['id', 'firstName', 'hireDate', 'department']);
    expect((await bamboo('/employees/changed')).status).toBe(400);
  });

  it('throttles with 503 and Retry-After, and drifts its division field', async () => {
    t.sim.addFault('bamboohr', { type: 'rate_limit', retryAfterSeconds: 9, count: 1 });
    const throttled = await bamboo('/employees/directory');
    expect(throttled.status).toBe(503);
    expect(throttled.headers.get('retry-after')).toBe('9');
    t.sim.addFault('bamboohr', { type: 'schema_drift', count: 1 });
    const drifted = await bamboo('/employees/directory');
    expect(drifted.text).toContain('"divisionName":');
    expect(drifted.text).not.toContain('"division":');
  });

  it('is deterministic for a seed', async () => {
    const other = await startSimulator();
    try {
      t.sim.advance('bamboohr', 12);
      other.sim.advance('bamboohr', 12);
      const path = '/bamboohr/api/v1/applicant_tracking/jobs';
      const mine = await call(t.sim, path, { headers: credentials('bamboohr') });
      expect(mine.text).toEqual((await call(other.sim, path, { headers: credentials('bamboohr') })).text);
      const directory = '/bamboohr/api/v1/employees/directory';
      const theirs = await call(other.sim, directory, { headers: credentials('bamboohr') });
      expect((await bamboo('/employees/directory')).text).toEqual(theirs.text);
    } finally {
      await other.sim.close();
    }
  });
});
