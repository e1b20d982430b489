import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { queryValue, VendorError } from '../http';
import { type AuthResult, type ChangeNotice, type RequestContext, type VendorAnswer, type VendorModel } from '../types';
import { CrmVendor, type CrmAccount, type CrmSizes } from './crm';
import {
  STAGE_PROBABILITY,
  STAGES,
  type Activity,
  type Deal,
  type HotListItem,
  type Lead,
  type Note,
} from './crm.data';

/**
 * ClientTether API 2.0 (https://api.clienttether.com/v2/api/...), read side, over its own
 * copy of the CRM data. Every request carries the enterprise `X-Access-Token` and an
 * `X-Web-Key` naming the account (one per brand). Values are strings, as ClientTether's
 * PHP API sends them; times are "YYYY-MM-DD HH:mm:ss" UTC. See docs/connectors/clienttether.md
 * for which names are documented and which were chosen here.
 */
export const CLIENTTETHER_ACCESS_TOKEN = 'ct-enterprise-demo-token';
export const clientTetherWebKey = (brand: string): string => `CT_${brand}_key`;

const BASE = '/clienttether/v2/api';
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 100;
const EVENT_TYPES: Record<Activity['type'], string> = {
  Call: 'call',
  Meeting: 'appt',
  Email: 'email',
  Tour: 'tour',
  'Follow-up': 'follow_up',
};

type Row = Record<string, string>;

export class ClientTetherVendor implements VendorModel {
  readonly id = 'clienttether';
  readonly drift = { field: 'clients_lead_source', renameTo: 'lead_source' };
  private readonly data: CrmVendor;
  private readonly webKeys = new Map<string, string>();

  constructor(seed: number, start: number, brands: readonly string[], sizes: CrmSizes = {}) {
    this.data = new CrmVendor(seed, start, brands, sizes);
    for (const brand of brands) this.webKeys.set(clientTetherWebKey(brand), brand);
  }

  evolve(at: number): ChangeNotice | null {
    return this.data.evolve(at);
  }

  notifyAll(): null {
    return null;
  }

  authenticate(request: FastifyRequest): AuthResult {
    const brand = this.principalHint(request);
    const token = request.headers['x-access-token'];
    return brand !== null && token === CLIENTTETHER_ACCESS_TOKEN
      ? { ok: true, principal: brand }
      : { ok: false, challenge: null };
  }

  principalHint(request: FastifyRequest): string | null {
    const key = request.headers['x-web-key'];
    return typeof key === 'string' ? (this.webKeys.get(key) ?? null) : null;
  }

  unauthorized(): VendorAnswer {
    return {
      status: 401,
      body: { ResultCode: 'CT401', Message: 'Unauthorized: a valid X-Access-Token and X-Web-Key are required' },
    };
  }

  rateLimited(): VendorAnswer {
    return { status: 429, body: { ResultCode: 'CT429', Message: 'Too Many Requests' } };
  }

  routes(app: FastifyInstance, context: (request: FastifyRequest) => RequestContext): void {
    const account = (request: FastifyRequest): CrmAccount => {
      const found = this.data.account(context(request).principal ?? '');
      if (!found) throw new Error('clienttether route reached without an authenticated account');
      return found;
    };
    const list = (name: string, rows: (a: CrmAccount, request: FastifyRequest) => Row[]) =>
      app.get(`${BASE}/${name}`, (request) => page(request, rows(account(request), request)));
    list('read_client_list', (a) => clients(a));
    list('read_opportunity_list', (a) => a.deals.map(opportunity));
    list('read_sales_cycle_list', () => salesCycles());
    list('read_hot_list', (a) => a.hot.map(hotListEntry));
    list('read_history_notes_list', (a) => a.notes.map(historyNote));
    list('read_all_events', (a, request) => events(a.activities, request));
    app.get(`${BASE}/read_client_history_notes/:clientId`, (request) => {
      const { clientId } = request.params as { clientId: string };
      return page(
        request,
        account(request)
          .notes.filter((n) => String(n.lead_id) === clientId)
          .map(historyNote),
      );
    });
  }
}

/** `limit`/`offset` paging in ClientTether's `{ ResultCode, Message, TotalRecord, data }` envelope. */
function page(request: FastifyRequest, rows: readonly Row[]) {
  const limit = Math.min(count(request, 'limit', DEFAULT_LIMIT, 1), MAX_LIMIT);
  const offset = count(request, 'offset', 0, 0);
  const data = rows.slice(offset, offset + limit);
  // ClientTether answers an empty read with CT515 rather than an empty success.
  return data.length === 0
    ? { ResultCode: 'CT515', Message: 'No Record Found', TotalRecord: rows.length, data }
    : { ResultCode: 'CT200', Message: 'Success', TotalRecord: rows.length, data };
}

function count(request: FastifyRequest, name: string, fallback: number, min: number): number {
  const raw = queryValue(request, name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw ctBadRequest(`${name} must be an integer of at least ${min}`);
  return Number(raw);
}

function ctBadRequest(detail: string): VendorError {
  return new VendorError(400, { ResultCode: 'CT400', Message: `Bad Request: ${detail}` });
}

function clients(account: CrmAccount): Row[] {
  // A client's sales cycle is the stage of its most recent opportunity, blank when it has none.
  const stageOf = new Map<number, string>();
  for (const deal of account.deals) stageOf.set(deal.lead_id, deal.stage);
  return account.leads.map((lead: Lead) => ({
    client_id: String(lead.lead_id),
    external_id: '',
    firstName: lead.first_name,
    lastName: lead.last_name,
    email: lead.email,
    phone: lead.phone.replace(/\D/g, ''),
    clients_lead_source: lead.lead_source,
    clients_lead_status: lead.lead_status,
    clients_sales_cycle: stageOf.get(lead.lead_id) ?? '',
    assigned_user: lead.owner,
    created: lead.created_at,
    last_modified_date: lead.updated_at,
  }));
}

function opportunity(deal: Deal): Row {
  return {
    opportunity_id: String(deal.deal_id),
    client_id: String(deal.lead_id),
    opportunity_name: deal.deal_name,
    contact_sales_cycle: deal.stage,
    sales_cycle_id: String(STAGES.indexOf(deal.stage) + 1),
    probability: String(deal.probability),
    deal_size: deal.value.toFixed(2),
    expected_close_date: deal.expected_close,
    sales_cycle_entered_date: deal.stage_entered_at,
    last_modified_date: deal.updated_at,
  };
}

function salesCycles(): Row[] {
  return STAGES.map((stage, index) => ({
    sales_cycle_id: String(index + 1),
    sales_cycle_name: stage,
    sales_cycle_order: String(index + 1),
    sales_cycle_probability: String(STAGE_PROBABILITY[stage]),
    sales_cycle_active_status: '1',
  }));
}

function hotListEntry(item: HotListItem): Row {
  return {
    hot_list_id: String(item.hot_id),
    client_id: String(item.lead_id),
    client_name: item.name,
    reason: item.reason,
    priority: String(item.priority),
    status: item.status,
    last_activity_date: item.last_activity_at,
    added_date: item.added_at,
    last_modified_date: item.updated_at,
  };
}

function historyNote(note: Note): Row {
  return {
    note_id: String(note.note_id),
    client_id: String(note.lead_id),
    created_by: note.author,
    note: note.body,
    created: note.created_at,
    last_modified_date: note.updated_at,
  };
}

/** `read_all_events`: optional `from_date`/`end_date` window on the start time, and `event_type`. */
function events(activities: readonly Activity[], request: FastifyRequest): Row[] {
  const from = ctDateParam(request, 'from_date', '00:00:00');
  const end = ctDateParam(request, 'end_date', '23:59:59');
  const type = queryValue(request, 'event_type') || null;
  return activities
    .filter((a) => (from === null || a.scheduled_for >= from) && (end === null || a.scheduled_for <= end))
    .filter((a) => type === null || EVENT_TYPES[a.type] === type)
    .map((a) => ({
      event_id: String(a.activity_id),
      client_id: String(a.lead_id),
      event_type: EVENT_TYPES[a.type],
      event_title: a.title,
      start_date: a.scheduled_for,
      duration: String(a.duration_minutes),
      assigned_user: a.assigned_to,
      event_status: a.status,
      last_modified_date: a.updated_at,
    }));
}

/** "YYYY-MM-DD" or "YYYY-MM-DD HH:mm:ss"; a bare date takes `time` so the window covers whole days. */
function ctDateParam(request: FastifyRequest, name: string, time: string): string | null {
  const raw = queryValue(request, name);
  if (raw === undefined || raw === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return `${raw} ${time}`;
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(raw)) return raw;
  throw ctBadRequest(`${name} must be YYYY-MM-DD or YYYY-MM-DD HH:mm:ss`);
}
