import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { apiKey, intParam, pageSlice } from '../http';
import { Rng } from '../random';
import { ctTime, DAY, HOUR, MINUTE } from '../time';
import { type AuthResult, type ChangeNotice, type RequestContext, type VendorModel } from '../types';
import {
  CrmGenerator,
  STAGE_PROBABILITY,
  STAGES,
  type Activity,
  type Deal,
  type HotListItem,
  type Lead,
  type Note,
} from './crm.data';

export const DEFAULT_CRM_BRANDS = ['acme-fitness', 'bright-smiles', 'green-leaf'] as const;
export const crmKey = (brand: string): string => `ct-${brand}-key`;

export interface CrmSizes {
  leads?: number;
}

const SIZES = { leads: 300, deals: 120, hot: 25, notes: 200, activities: 60 };
const MAX_PER_PAGE = 500;
const MIN_OPEN_DEALS = 40;

/** One brand's records as the ClientTether dialect reads them. */
export interface CrmAccount {
  readonly leads: readonly Lead[];
  readonly deals: readonly Deal[];
  readonly hot: readonly HotListItem[];
  readonly notes: readonly Note[];
  readonly activities: readonly Activity[];
}

/** One brand's account: its own records, id sequences and random stream. */
class CrmBrand implements CrmAccount {
  readonly leads: Lead[];
  readonly deals: Deal[];
  readonly hot: HotListItem[];
  readonly notes: Note[];
  readonly activities: Activity[];
  private readonly gen: CrmGenerator;
  private readonly rng: Rng;

  constructor(seed: number, brand: string, start: number, leadCount: number) {
    this.rng = Rng.stream(seed, `crm:${brand}`);
    this.gen = new CrmGenerator(this.rng, brand);
    this.leads = Array.from({ length: leadCount }, (_, i) => {
      const created = start - Math.round(((leadCount - i) / leadCount) * 365 * DAY) - this.rng.int(0, 3) * HOUR;
      return this.gen.lead(10001 + i, created, Math.min(start - MINUTE, created + this.rng.int(0, 30) * DAY));
    });
    this.deals = Array.from({ length: SIZES.deals }, (_, i) => {
      const entered = start - this.rng.int(1, 60) * DAY;
      const updated = Math.min(start - MINUTE, entered + this.rng.int(0, 72) * HOUR);
      return this.gen.deal(5001 + i, this.rng.pick(this.leads), this.rng.pick(STAGES), entered, updated);
    });
    this.hot = Array.from({ length: SIZES.hot }, (_, i) => this.gen.hot(801 + i, this.rng.pick(this.leads), start));
    this.notes = Array.from({ length: SIZES.notes }, (_, i) => {
      return this.gen.note(30001 + i, this.rng.pick(this.leads).lead_id, start - this.rng.int(1, 90 * 24) * HOUR);
    });
    this.activities = Array.from({ length: SIZES.activities }, (_, i) => {
      const when = start + this.rng.int(-7 * 24, 14 * 24) * HOUR;
      const status = when > start ? 'Scheduled' : this.rng.chance(0.85) ? 'Completed' : 'Cancelled';
      const updated = Math.min(start - MINUTE, when + HOUR);
      return this.gen.activity(70001 + i, this.rng.pick(this.leads).lead_id, when, status, updated);
    });
  }

  evolve(at: number): void {
    // Mostly one lead and one note per step: enough to see, slow enough for an all-day demo.
    // Each new lead is added before the next id is taken, so two leads of one step never share an id.
    const newLeads = Array.from({ length: this.rng.chance(0.3) ? 2 : 1 }, () => {
      const lead = this.gen.lead(this.nextId(this.leads, 'lead_id'), at, at, 'New');
      this.leads.push(lead);
      return lead;
    });
    for (let i = this.rng.chance(0.3) ? 2 : 1; i > 0; i--) {
      const lead = this.rng.pick(this.leads.slice(-50));
      this.notes.push(this.gen.note(this.nextId(this.notes, 'note_id'), lead.lead_id, at));
    }
    this.moveDeal(at);
    const open = this.deals.filter((d) => !d.stage.startsWith('Closed')).length;
    if (open < MIN_OPEN_DEALS || this.rng.chance(0.3)) {
      this.deals.push(this.gen.deal(this.nextId(this.deals, 'deal_id'), newLeads[0], 'Prospect', at, at));
    }
    this.completeActivity(at);
  }

  private moveDeal(at: number): void {
    const open = this.deals.filter((d) => !d.stage.startsWith('Closed'));
    if (open.length === 0) return;
    const deal = this.rng.pick(open);
    const next = STAGES[STAGES.indexOf(deal.stage) + 1];
    deal.stage = next === 'Closed Won' && this.rng.chance(0.4) ? 'Closed Lost' : next;
    deal.probability = STAGE_PROBABILITY[deal.stage];
    deal.stage_entered_at = ctTime(at);
    deal.updated_at = ctTime(at);
  }

  /** Completes the earliest scheduled activity and books a follow-up, so the schedule never empties. */
  private completeActivity(at: number): void {
    const scheduled = this.activities.filter((a) => a.status === 'Scheduled');
    const due = scheduled.sort((a, b) => a.scheduled_for.localeCompare(b.scheduled_for))[0];
    if (due) {
      due.status = 'Completed';
      due.updated_at = ctTime(at);
    }
    const lead = this.rng.pick(this.leads.slice(-100));
    const when = at + this.rng.int(1, 14 * 24) * HOUR;
    this.activities.push(
      this.gen.activity(this.nextId(this.activities, 'activity_id'), lead.lead_id, when, 'Scheduled', at),
    );
  }

  private nextId<K extends string, T extends Record<K, number>>(items: readonly T[], key: K): number {
    return items[items.length - 1][key] + 1;
  }
}

export class CrmVendor implements VendorModel {
  readonly id = 'crm';
  readonly drift = { field: 'lead_status', renameTo: 'status' };
  private readonly brands = new Map<string, CrmBrand>();
  private readonly keys = new Map<string, string>();

  constructor(seed: number, start: number, brands: readonly string[], sizes: CrmSizes = {}) {
    for (const brand of brands) {
      this.brands.set(brand, new CrmBrand(seed, brand, start, sizes.leads ?? SIZES.leads));
      this.keys.set(crmKey(brand), brand);
    }
  }

  evolve(at: number): ChangeNotice | null {
    for (const brand of this.brands.values()) brand.evolve(at);
    return null;
  }

  notifyAll(): null {
    return null;
  }

  account(brand: string): CrmAccount | null {
    return this.brands.get(brand) ?? null;
  }

  authenticate(request: FastifyRequest): AuthResult {
    const brand = this.principalHint(request);
    return brand === null ? { ok: false, challenge: null } : { ok: true, principal: brand };
  }

  principalHint(request: FastifyRequest): string | null {
    const key = apiKey(request);
    return key === null ? null : (this.keys.get(key) ?? null);
  }

  routes(app: FastifyInstance, context: (request: FastifyRequest) => RequestContext): void {
    const list = <T>(path: string, pick: (brand: CrmBrand) => readonly T[]) =>
      app.get(`/crm/api/${path}`, (request) => {
        const brand = this.brands.get(context(request).principal ?? '');
        return paginate(request, brand ? pick(brand) : []);
      });
    list('leads', (b) => b.leads);
    list('pipeline', (b) => b.deals);
    list('hot-list', (b) => b.hot);
    list('notes', (b) => b.notes);
    list('schedule', (b) => b.activities);
  }
}

function paginate<T>(request: FastifyRequest, items: readonly T[]) {
  const page = intParam(request, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
  const perPage = intParam(request, 'per_page', 100, 1, MAX_PER_PAGE);
  return {
    status: 'success',
    total_records: items.length,
    current_page: page,
    per_page: perPage,
    last_page: Math.max(1, Math.ceil(items.length / perPage)),
    data: pageSlice(items, page, perPage),
  };
}
