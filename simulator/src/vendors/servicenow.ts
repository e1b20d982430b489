import { createHash } from 'node:crypto';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { queryValue, VendorError } from '../http';
import { ctTime, HOUR } from '../time';
import { type AuthResult, type ChangeNotice, type RequestContext, type VendorAnswer, type VendorModel } from '../types';
import { applyQuery, pageLinks, parseEncodedQuery } from './servicenow.query';
import { TicketingVendor, type Ticket, type TicketState } from './ticketing';
import { DEPARTMENTS } from './fixtures';

/**
 * ServiceNow Table API (https://<instance>.service-now.com/api/now/table/incident), read side,
 * over its own copy of the ticketing data (incidents only). HTTP Basic auth; errors use
 * ServiceNow's `{ error: { message, detail }, status: "failure" }` body.
 */
export const SERVICENOW_USER = 'switchyard.integration';
export const SERVICENOW_PASSWORD = 'servicenow-demo-password';
/** Authenticates but lacks the REST API access role: every table read answers 403. */
export const SERVICENOW_NO_ROLE_USER = 'no.roles';

const TABLE_PATH = '/servicenow/api/now/table';
const DEFAULT_LIMIT = 10_000;
/** The demo instance's rate limit rule: requests per user per hour. */
export const SERVICENOW_HOURLY_LIMIT = 5_000;

const STATES: Record<TicketState, [code: string, label: string]> = {
  new: ['1', 'New'],
  in_progress: ['2', 'In Progress'],
  on_hold: ['3', 'On Hold'],
  resolved: ['6', 'Resolved'],
  closed: ['7', 'Closed'],
};
const PRIORITY_LABELS = ['', '1 - Critical', '2 - High', '3 - Moderate', '4 - Low', '5 - Planning'];
const LEVEL_LABELS = ['', '1 - High', '2 - Medium', '3 - Low'];
/** Impact and urgency that give each severity its priority in ServiceNow's default matrix. */
const IMPACT_URGENCY: Record<Ticket['severity'], [impact: number, urgency: number]> = {
  1: [1, 1],
  2: [1, 2],
  3: [2, 2],
  4: [2, 3],
};

/** One field as stored: its value, its display value and, for references, the table it points to. */
interface Field {
  value: string;
  display: string;
  table?: string;
}
type IncidentRecord = Record<string, Field>;

const FIELDS = new Set([
  'sys_id',
  'number',
  'short_description',
  'state',
  'incident_state',
  'priority',
  'impact',
  'urgency',
  'active',
  'assignment_group',
  'assigned_to',
  'location',
  'u_department',
  'opened_at',
  'resolved_at',
  'closed_at',
  'sys_created_on',
  'sys_updated_on',
  'sys_class_name',
]);

export class ServiceNowVendor implements VendorModel {
  readonly id = 'servicenow';
  readonly drift = { field: 'priority', renameTo: 'u_priority' };
  private readonly data: TicketingVendor;
  private readonly rateRule: string;
  private usage = { hour: -1, count: 0 };

  constructor(
    private readonly seed: number,
    start: number,
  ) {
    this.data = new TicketingVendor(seed, start);
    this.rateRule = this.sysId('sys_rate_limit_rules', 'demo-integration-rule');
  }

  evolve(at: number): ChangeNotice | null {
    return this.data.evolve(at);
  }

  notifyAll(): null {
    return null;
  }

  authenticate(request: FastifyRequest): AuthResult {
    const match = /^Basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const [user, password] = match ? Buffer.from(match[1], 'base64').toString('utf8').split(':', 2) : [];
    if (password === SERVICENOW_PASSWORD && (user === SERVICENOW_USER || user === SERVICENOW_NO_ROLE_USER)) {
      return { ok: true, principal: user };
    }
    return { ok: false, challenge: null };
  }

  unauthorized(): VendorAnswer {
    return {
      status: 401,
      headers: { 'www-authenticate': 'BASIC realm="Service-now"' },
      body: failure('User Not Authenticated', 'Required to provide Auth information'),
    };
  }

  rateLimited(_request: FastifyRequest, retryAfterSeconds: number): VendorAnswer {
    return {
      status: 429,
      headers: { 'x-ratelimit-limit': String(SERVICENOW_HOURLY_LIMIT), 'x-ratelimit-rule': this.rateRule },
      body: failure('Rate limit exceeded', `Too many requests; retry after ${retryAfterSeconds} seconds`),
    };
  }

  routes(app: FastifyInstance, context: (request: FastifyRequest) => RequestContext): void {
    app.get(`${TABLE_PATH}/:table`, (request, reply) => {
      this.admit(request, reply, context(request));
      const records = applyQuery(this.records(request), this.query(request), (r, f) => r[f]?.value ?? '');
      const limit = numberParam(request, 'sysparm_limit', DEFAULT_LIMIT, 1);
      const offset = numberParam(request, 'sysparm_offset', 0, 0);
      const url = new URL(request.url, `http://${request.headers.host ?? 'localhost'}`);
      void reply.header('x-total-count', String(records.length));
      void reply.header('link', pageLinks(url, offset, limit, records.length));
      return { result: records.slice(offset, offset + limit).map((r) => render(r, request)) };
    });
    app.get(`${TABLE_PATH}/:table/:sysId`, (request, reply) => {
      this.admit(request, reply, context(request));
      const { sysId } = request.params as { sysId: string };
      const record = this.records(request).find((r) => r.sys_id.value === sysId);
      if (!record) {
        throw new VendorError(
          404,
          failure('No Record found', "Record doesn't exist or ACL restricts the record retrieval"),
        );
      }
      return { result: render(record, request) };
    });
  }

  /** Role check and the instance's hourly rate limit rule, with the headers ServiceNow sends. */
  private admit(request: FastifyRequest, reply: FastifyReply, { now, principal }: RequestContext): void {
    if (principal === SERVICENOW_NO_ROLE_USER) {
      throw new VendorError(403, failure('User Not Authorized', 'Failed API level ACL Validation'));
    }
    const hour = Math.floor(now / HOUR);
    if (this.usage.hour !== hour) this.usage = { hour, count: 0 };
    this.usage.count++;
    const reset = ((hour + 1) * HOUR) / 1000;
    const headers = {
      'x-ratelimit-limit': String(SERVICENOW_HOURLY_LIMIT),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-rule': this.rateRule,
    };
    if (this.usage.count > SERVICENOW_HOURLY_LIMIT) {
      const retryAfter = String(Math.max(1, Math.ceil(reset - now / 1000)));
      throw new VendorError(429, this.rateLimited(request, Number(retryAfter)).body as object, {
        ...headers,
        'retry-after': retryAfter,
      });
    }
    void reply.headers(headers);
  }

  private records(request: FastifyRequest): IncidentRecord[] {
    const { table } = request.params as { table: string };
    if (table !== 'incident') throw new VendorError(400, failure(`Invalid table ${table}`, null));
    return this.data
      .list()
      .filter((t) => t.kind === 'incident')
      .map((t) => this.incident(t));
  }

  private query(request: FastifyRequest) {
    const parsed = parseEncodedQuery(queryValue(request, 'sysparm_query') ?? '', FIELDS);
    if (typeof parsed === 'string') throw new VendorError(400, failure('Invalid query', parsed));
    return parsed;
  }

  private incident(ticket: Ticket): IncidentRecord {
    const [stateCode, stateLabel] = STATES[ticket.state];
    const [impact, urgency] = IMPACT_URGENCY[ticket.severity];
    const settled = ticket.state === 'resolved' || ticket.state === 'closed';
    const time = (iso: string | null): Field => {
      const value = iso === null ? '' : ctTime(Date.parse(iso));
      return { value, display: value };
    };
    const plain = (value: string): Field => ({ value, display: value });
    const reference = (table: string, name: string | null): Field =>
      name === null ? plain('') : { value: this.sysId(table, name), display: name, table };
    return {
      sys_id: plain(this.sysId('incident', ticket.number)),
      number: plain(ticket.number),
      short_description: plain(ticket.shortDescription),
      state: { value: stateCode, display: stateLabel },
      incident_state: { value: stateCode, display: stateLabel },
      priority: { value: String(ticket.severity), display: PRIORITY_LABELS[ticket.severity] },
      impact: { value: String(impact), display: LEVEL_LABELS[impact] },
      urgency: { value: String(urgency), display: LEVEL_LABELS[urgency] },
      active: plain(String(!settled)),
      assignment_group: reference('sys_user_group', ticket.assignmentGroup),
      assigned_to: reference('sys_user', ticket.assignee),
      location: reference('cmn_location', ticket.location),
      // A choice list: the code as value, the department's name as its label.
      u_department: { value: ticket.department, display: departmentName(ticket.department) },
      opened_at: time(ticket.openedAt),
      resolved_at: time(ticket.resolvedAt),
      closed_at: time(ticket.state === 'closed' ? ticket.updatedAt : null),
      sys_created_on: time(ticket.openedAt),
      sys_updated_on: time(ticket.updatedAt),
      sys_class_name: { value: 'incident', display: 'Incident' },
    };
  }

  /** A stable 32-hex sys_id per (seed, table, key), like ServiceNow's GUIDs. */
  private sysId(table: string, key: string): string {
    return createHash('md5').update(`${this.seed}:${table}:${key}`).digest('hex');
  }
}

function failure(message: string, detail: string | null) {
  return { error: { message, detail }, status: 'failure' };
}

function numberParam(request: FastifyRequest, name: string, fallback: number, min: number): number {
  const raw = queryValue(request, name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new VendorError(400, failure(`${name} is not a number`, `${name}=${raw}`));
  const value = Number(raw);
  if (value < min) {
    const detail = name === 'sysparm_offset' ? 'Negative offset is not supported' : `${name} must be at least ${min}`;
    throw new VendorError(400, failure(`${name.replace('sysparm_', '')} is ${raw}`, detail));
  }
  return value;
}

/** Shapes one record per `sysparm_fields`, `sysparm_display_value` and `sysparm_exclude_reference_link`. */
function render(record: IncidentRecord, request: FastifyRequest): Record<string, unknown> {
  const mode = queryValue(request, 'sysparm_display_value') ?? 'false';
  const noLinks = queryValue(request, 'sysparm_exclude_reference_link') === 'true';
  const wanted = (queryValue(request, 'sysparm_fields') ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  const names = wanted.length > 0 ? wanted.filter((f) => f in record) : Object.keys(record);
  const origin = `http://${request.headers.host ?? 'localhost'}`;
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const field = record[name];
    const link = field.table && !noLinks ? `${origin}${TABLE_PATH}/${field.table}/${field.value}` : undefined;
    if (mode === 'true') out[name] = field.display;
    else if (mode === 'all') out[name] = { display_value: field.display, value: field.value, ...(link && { link }) };
    else out[name] = link ? { link, value: field.value } : field.value;
  }
  return out;
}

function departmentName(id: string): string {
  return DEPARTMENTS.find((d) => d.id === id)?.name ?? id;
}
