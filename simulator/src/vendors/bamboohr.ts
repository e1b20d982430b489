import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { queryValue } from '../http';
import { Rng } from '../random';
import { iso, ymd } from '../time';
import { type AuthResult, type VendorModel, type VendorRefusals } from '../types';
import { basicAuth, sameSecret } from './basic-auth';
import { displayName, PeopleFactory, shareApplicants, type Employee, type JobOpening } from './bamboohr.data';
import { HrisVendor } from './hris';

export const BAMBOOHR_API_KEY = 'bamboohr-demo-api-key';
export const BAMBOOHR_COMPANY_DOMAIN = 'switchyard';
const DIRECTORY_FIELDS = [
  ['displayName', 'text', 'Display name'],
  ['firstName', 'text', 'First name'],
  ['lastName', 'text', 'Last name'],
  ['jobTitle', 'list', 'Job title'],
  ['workPhone', 'text', 'Work Phone'],
  ['workEmail', 'email', 'Work Email'],
  ['department', 'list', 'Department'],
  ['location', 'list', 'Location'],
  ['division', 'list', 'Division'],
  ['supervisor', 'employee', 'Supervisor'],
  ['photoUploaded', 'bool', 'Employee photo exists'],
  ['photoUrl', 'url', 'Employee photo url'],
] as const;
const JOB_STATUS_GROUPS: Record<string, readonly JobOpening['status'][]> = {
  ALL: ['Open', 'Filled'],
  DRAFT_AND_OPEN: ['Open'],
  Open: ['Open'],
  Filled: ['Filled'],
};

/**
 * BambooHR's REST API under `/bamboohr` (the company's https://{companyDomain}.bamboohr.com),
 * in both the current `/api/v1/…` form and the older `/api/gateway.php/{companyDomain}/v1/…`.
 */
export class BambooHrVendor implements VendorModel {
  readonly id = 'bamboohr';
  readonly drift = { field: 'division', renameTo: 'divisionName' };
  /** A private copy of the HRIS model: BambooHR's headcounts and openings follow its teams. */
  private readonly hris: HrisVendor;
  private readonly rng: Rng;
  private readonly factory: PeopleFactory;
  private readonly employees: Employee[] = [];
  private readonly jobs: JobOpening[] = [];

  constructor(seed: number, start: number) {
    this.hris = new HrisVendor(seed, start);
    this.rng = Rng.stream(seed, 'bamboohr');
    this.factory = new PeopleFactory(this.rng);
    for (const department of this.hris.departmentsView()) {
      for (const team of department.teams) {
        const manager = this.factory.manager(department, team, start);
        this.employees.push(manager);
        for (let i = 1; i < team.headcount; i++)
          this.employees.push(this.factory.member(department, team, manager, start));
      }
    }
    this.reconcileJobs(start);
  }

  /** The HRIS copy takes its step; hires and openings follow, and one person's record changes. */
  evolve(at: number): null {
    this.hris.evolve(at);
    for (const department of this.hris.departmentsView()) {
      for (const team of department.teams) {
        const members = this.employees.filter((e) => e.teamId === team.id);
        const manager = members[0];
        for (let n = members.length; n < team.headcount; n++) {
          const hire = this.factory.member(department, team, manager, at);
          Object.assign(hire, { hireDate: ymd(at), lastChanged: at, action: 'Inserted' });
          this.employees.push(hire);
        }
      }
    }
    this.reconcileJobs(at);
    if (this.rng.chance(0.3)) {
      const moved = this.rng.pick(this.employees);
      moved.location = this.rng.pick(['HQ', 'Plant North', 'Remote', 'Warehouse']);
      Object.assign(moved, { lastChanged: at, action: 'Updated' });
    }
    return null;
  }

  notifyAll(): null {
    return null;
  }

  /** The API key is the Basic user name; BambooHR ignores the password. */
  authenticate(request: FastifyRequest): AuthResult {
    const credentials = basicAuth(request);
    return credentials && sameSecret(credentials.user, BAMBOOHR_API_KEY)
      ? { ok: true, principal: null }
      : { ok: false, challenge: null };
  }

  readonly refusals: VendorRefusals = {
    unauthorized: (reply) => refuse(reply, 401, 'Invalid API key'),
    // BambooHR throttles with 503 and Retry-After rather than 429.
    rateLimited: (reply, retryAfter) =>
      refuse(reply.header('retry-after', String(retryAfter)), 503, 'Too many requests. Retry later.'),
  };

  routes(app: FastifyInstance): void {
    for (const base of ['/bamboohr/api/v1', '/bamboohr/api/gateway.php/:companyDomain/v1']) {
      app.get(`${base}/employees/directory`, (request, reply) =>
        this.guard(request, reply, () => this.directory(request, reply)),
      );
      app.get(`${base}/employees/changed`, (request, reply) =>
        this.guard(request, reply, () => this.changed(request, reply)),
      );
      app.get(`${base}/employees/:employeeId`, (request, reply) =>
        this.guard(request, reply, () => this.employee(request, reply)),
      );
      app.get(`${base}/applicant_tracking/jobs`, (request, reply) =>
        this.guard(request, reply, () => this.jobSummaries(request, reply)),
      );
    }
  }

  /** The gateway form names the company in the path; only the demo company exists. */
  private guard(request: FastifyRequest, reply: FastifyReply, handle: () => unknown) {
    const domain = (request.params as { companyDomain?: string }).companyDomain;
    if (domain !== undefined && domain !== BAMBOOHR_COMPANY_DOMAIN) return refuse(reply, 404, 'Company not found');
    return handle();
  }

  private directory(request: FastifyRequest, reply: FastifyReply) {
    const fields = DIRECTORY_FIELDS.map(([id, type, name]) => ({ id, type, name }));
    const employees = this.employees.map((e) => directoryEntry(e));
    if (wantsJson(request)) return { fields, employees };
    // Without `Accept: application/json` BambooHR answers XML.
    return reply.type('application/xml').send(directoryXml(fields, employees));
  }

  private changed(request: FastifyRequest, reply: FastifyReply) {
    const raw = queryValue(request, 'since');
    const since = raw === undefined ? Number.NaN : Date.parse(raw);
    if (Number.isNaN(since)) return refuse(reply, 400, 'The "since" parameter must be an ISO 8601 timestamp');
    // Inclusive, like the simulator's other `since` filters: a connector re-reads the boundary.
    const changed = this.employees.filter((e) => e.lastChanged >= since);
    const entries = changed.map((e) => [e.id, { id: e.id, action: e.action, lastChanged: bambooTime(e.lastChanged) }]);
    const latest = Math.max(since, ...changed.map((e) => e.lastChanged));
    return { latest: bambooTime(latest), employees: Object.fromEntries(entries) as Record<string, unknown> };
  }

  private employee(request: FastifyRequest, reply: FastifyReply) {
    const id = (request.params as { employeeId: string }).employeeId;
    const employee = this.employees.find((e) => e.id === id);
    if (!employee) return refuse(reply, 404, 'Employee not found');
    const all: Record<string, unknown> = { ...directoryEntry(employee), hireDate: employee.hireDate, status: 'Active' };
    const names = (queryValue(request, 'fields') ?? 'firstName,lastName').split(',').map((f) => f.trim());
    return { id: employee.id, ...Object.fromEntries(names.filter((n) => n in all).map((n) => [n, all[n]])) };
  }

  private jobSummaries(request: FastifyRequest, reply: FastifyReply) {
    const group = queryValue(request, 'statusGroups') ?? 'ALL';
    const statuses = JOB_STATUS_GROUPS[group];
    if (!statuses) return refuse(reply, 400, `Invalid statusGroups value "${group}"`);
    const lead = (id: string) => this.employees.find((e) => e.id === id);
    return this.jobs
      .filter((job) => statuses.includes(job.status))
      .map((job) => {
        const hiringLead = lead(job.hiringLeadId);
        return {
          id: job.id,
          title: { id: null, label: job.title },
          postedDate: bambooTime(job.postedDate),
          location: { id: null, label: job.location },
          department: { id: null, label: job.department },
          status: { id: job.status === 'Open' ? 1 : 2, label: job.status },
          hiringLead: hiringLead && {
            employeeId: Number(hiringLead.id),
            firstName: hiringLead.firstName,
            lastName: hiringLead.lastName,
            avatar: null,
            jobTitle: { id: null, label: hiringLead.jobTitle },
          },
          newApplicantsCount: job.newApplicantsCount,
          activeApplicantsCount: job.activeApplicantsCount,
          totalApplicantsCount: job.totalApplicantsCount,
          postingUrl: `https://${BAMBOOHR_COMPANY_DOMAIN}.bamboohr.com/careers/${job.id}`,
        };
      });
  }

  /** One open job per open role in each team: a hire fills the oldest, a new role posts one. */
  private reconcileJobs(at: number): void {
    for (const department of this.hris.departmentsView()) {
      for (const team of department.teams) {
        const open = this.jobs.filter((j) => j.teamId === team.id && j.status === 'Open');
        for (const job of open.slice(team.openRoles)) Object.assign(job, { status: 'Filled', lastChanged: at });
        const manager = this.employees.find((e) => e.teamId === team.id);
        for (let n = open.length; n < team.openRoles && manager; n++) {
          this.jobs.push(this.factory.opening(department, team, manager, at));
        }
        shareApplicants(
          team,
          this.jobs.filter((j) => j.teamId === team.id && j.status === 'Open'),
        );
      }
    }
  }
}

/** BambooHR timestamps: ISO 8601 with an explicit `+00:00` offset. */
function bambooTime(ms: number): string {
  return iso(ms).slice(0, 19) + '+00:00';
}

function directoryEntry(e: Employee) {
  return {
    id: e.id,
    displayName: displayName(e),
    firstName: e.firstName,
    lastName: e.lastName,
    preferredName: null,
    jobTitle: e.jobTitle,
    workPhone: e.workPhone,
    mobilePhone: null,
    workEmail: e.workEmail,
    department: e.department,
    location: e.location,
    division: e.division,
    supervisor: e.supervisor,
    photoUploaded: false,
    photoUrl: `https://images.bamboohr.com/${BAMBOOHR_COMPANY_DOMAIN}/photos/${e.id}.jpg`,
    canUploadPhoto: 0,
  };
}

/** BambooHR puts the reason for a refusal in a header and sends no body. */
function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).header('x-bamboohr-error-message', message).send();
}

function wantsJson(request: FastifyRequest): boolean {
  return /application\/json/i.test(request.headers.accept ?? '');
}

function directoryXml(fields: { id: string; name: string }[], employees: ReturnType<typeof directoryEntry>[]): string {
  const escape = (value: string | number | boolean | null) =>
    String(value ?? '').replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
  const fieldset = fields.map((f) => `<field id="${f.id}">${escape(f.name)}</field>`).join('');
  const rows = employees
    .map((e) => {
      const cells = fields.map((f) => `<field id="${f.id}">${escape(e[f.id as keyof typeof e])}</field>`).join('');
      return `<employee id="${e.id}">${cells}</employee>`;
    })
    .join('');
  return `<?xml version="1.0"?>\n<directory><fieldset>${fieldset}</fieldset><employees>${rows}</employees></directory>\n`;
}
