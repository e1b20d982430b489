import type { SourceDefinitionInput } from '@switchyard/contracts';
import { BAMBOOHR_API_KEY, BAMBOOHR_COMPANY_DOMAIN } from '@switchyard/simulator';
import { DataSource } from 'typeorm';
import {
  selectRows,
  simulatorConnector,
  startSyncTestbed,
  testSource,
  type SyncTestbed,
} from '../../../test/support/sync-testbed';

interface DepartmentRow {
  external_id: string;
  name: string;
  headcount: number;
  open_roles: number;
}
interface TeamRow extends DepartmentRow {
  department_id: string;
  manager_email: string | null;
}

describe('built-in connector bamboohr against the simulator’s BambooHR API', () => {
  let bed: SyncTestbed;
  let db: DataSource;

  beforeAll(async () => {
    bed = await startSyncTestbed();
    db = bed.app.app.get(DataSource);
    for (const [id, secret] of [
      ['bamboohr-key', BAMBOOHR_API_KEY],
      ['bamboohr-wrong', 'not-a-key'],
    ]) {
      const created = await bed.api('/credentials', { method: 'POST', body: { id, name: id, kind: 'token', secret } });
      expect(created.status).toBe(201);
    }
  });

  afterEach(() => {
    bed.simulator.clearFaults();
  });

  afterAll(async () => {
    await bed.close();
  });

  const source = (id: string, credentialId = 'bamboohr-key'): SourceDefinitionInput =>
    testSource(bed.simulator.url, {
      id,
      connector: {
        id: 'bamboohr',
        stream: 'directory',
        credentialId,
        config: { baseUrl: `${bed.simulator.url}/bamboohr`, companyDomain: BAMBOOHR_COMPANY_DOMAIN },
      },
    });
  const departments = (sourceId: string) =>
    selectRows<DepartmentRow>(
      db,
      `SELECT external_id, name, headcount, open_roles FROM departments
        WHERE source_id = $1 AND deleted_at IS NULL ORDER BY name`,
      [sourceId],
    );
  const teams = (sourceId: string) =>
    selectRows<TeamRow>(
      db,
      `SELECT external_id, department_id, name, manager_email, headcount, open_roles FROM teams
        WHERE source_id = $1 AND deleted_at IS NULL ORDER BY name`,
      [sourceId],
    );

  /** The simulator's HRIS vendor models the same organisation: its headcounts are the reference. */
  const hrisTwin = async (id: string) => {
    await bed.createSource(
      testSource(bed.simulator.url, {
        id,
        connector: simulatorConnector(bed.simulator.url, 'simulator-hris', 'departments', 'hris-token'),
      }),
    );
    expect((await bed.sync(id, 'full')).status).toBe('succeeded');
    return { departments: await departments(id), teams: await teams(id) };
  };
  const expectSameOrganisation = async (sourceId: string, twinId: string) => {
    const twin = await hrisTwin(twinId);
    const twinDepartments = new Map(twin.departments.map((d) => [d.external_id, d.name]));
    expect((await departments(sourceId)).map(({ name, headcount }) => ({ name, headcount }))).toEqual(
      twin.departments.map(({ name, headcount }) => ({ name, headcount })),
    );
    const stored = await teams(sourceId);
    expect(
      stored.map(({ name, department_id, headcount }) => ({ name, department: department_id, headcount })),
    ).toEqual(
      twin.teams.map(({ name, department_id, headcount }) => ({
        name,
        department: twinDepartments.get(department_id),
        headcount,
      })),
    );
    // Every team has a manager: the member without a supervisor. (BambooHR's work emails are
    // unique, so the simulator gives a namesake "…2@"; the HRIS model does not.)
    expect(stored.every((team) => /@switchyard\.example$/.test(team.manager_email ?? ''))).toBe(true);
  };

  it('groups the directory into departments (divisions) and teams (departments) with their headcount', async () => {
    await bed.createSource(source('bamboo'));
    bed.simulator.clearRequests();
    const run = await bed.sync('bamboo', 'full');
    expect(run).toMatchObject({ status: 'succeeded', errorCode: null, pages: 1 });
    const [request] = bed.simulator.requests({ vendor: 'bamboohr' });
    expect(request.path).toBe('/bamboohr/api/gateway.php/switchyard/v1/employees/directory');

    expect(await departments('bamboo')).toEqual([
      { external_id: 'Engineering', name: 'Engineering', headcount: 30, open_roles: 0 },
      { external_id: 'Finance', name: 'Finance', headcount: 67, open_roles: 0 },
      { external_id: 'Operations', name: 'Operations', headcount: 56, open_roles: 0 },
      { external_id: 'People', name: 'People', headcount: 83, open_roles: 0 },
      { external_id: 'Sales', name: 'Sales', headcount: 74, open_roles: 0 },
    ]);
    expect((await teams('bamboo')).slice(0, 2)).toEqual([
      {
        external_id: 'Accounting',
        department_id: 'Finance',
        name: 'Accounting',
        manager_email: 'marco.kowalski@switchyard.example',
        headcount: 33,
        open_roles: 0,
      },
      {
        external_id: 'Data',
        department_id: 'Engineering',
        name: 'Data',
        manager_email: 'chloe.zimmerman@switchyard.example',
        headcount: 12,
        open_roles: 0,
      },
    ]);
    await expectSameOrganisation('bamboo', 'hris-twin');
    const people = await bed.api<unknown>('/people');
    expect(people.status).toBe(200);
  });

  it('re-reads the whole directory each run (BambooHR pages nothing), following hires as HRIS does', async () => {
    await bed.createSource(source('bamboo-again'));
    expect((await bed.sync('bamboo-again', 'full')).status).toBe('succeeded');
    bed.simulator.advance('bamboohr', 6);
    bed.simulator.advance('hris', 6);
    bed.simulator.clearRequests();
    const run = await bed.sync('bamboo-again', 'incremental');
    expect(run.status).toBe('succeeded');
    expect(bed.simulator.requests({ vendor: 'bamboohr' }).map((r) => r.path)).toEqual([
      '/bamboohr/api/gateway.php/switchyard/v1/employees/directory',
    ]);
    await expectSameOrganisation('bamboo-again', 'hris-twin-2');
  });

  it('takes BambooHR’s 503 with Retry-After as a rate limit: state rate_limited', async () => {
    await bed.createSource(source('bamboo-limited'));
    bed.simulator.addFault('bamboohr', { type: 'rate_limit', retryAfterSeconds: 30, count: 1 });
    const run = await bed.sync('bamboo-limited', 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 30 });
    expect((await bed.source('bamboo-limited')).status.freshness.state).toBe('rate_limited');
    expect(bed.simulator.requests({ vendor: 'bamboohr' }).filter((r) => r.status === 503)).toHaveLength(1);
  });

  it('reports a wrong API key as UPSTREAM_AUTH_FAILED with the reason from BambooHR’s error header', async () => {
    await bed.createSource(source('bamboo-wrong', 'bamboohr-wrong'));
    const run = await bed.sync('bamboo-wrong', 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'UPSTREAM_AUTH_FAILED' });
    expect(run.errorMessage).toContain('Invalid API key');
  });
});
