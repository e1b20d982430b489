import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { BEARER_CHALLENGE, bearerToken, intParam, timeParam } from '../http';
import { Rng } from '../random';
import { HOUR, iso, MINUTE } from '../time';
import { type AuthResult, type ChangeNotice, type RequestContext, type VendorModel } from '../types';
import { DEPARTMENTS, LOCATIONS, person } from './fixtures';

export const TICKETING_TOKEN = 'ticketing-demo-token';

export type TicketState = 'new' | 'in_progress' | 'on_hold' | 'resolved' | 'closed';
export type TicketKind = 'incident' | 'request';

export interface Ticket {
  number: string;
  kind: TicketKind;
  shortDescription: string;
  severity: 1 | 2 | 3 | 4;
  state: TicketState;
  assignmentGroup: string;
  assignee: string | null;
  department: string;
  location: string;
  openedAt: string;
  resolvedAt: string | null;
  updatedAt: string;
}

const INCIDENTS = 50;
const REQUESTS = 30;
const MAX_LIMIT = 500;
const SEVERITIES = [1, 2, 2, 3, 3, 3, 4, 4] as const;
const INITIAL_STATES: readonly TicketState[] = [
  'new',
  'in_progress',
  'in_progress',
  'on_hold',
  'resolved',
  'closed',
  'closed',
];
const CATALOG: Record<TicketKind, { groups: readonly string[]; descriptions: readonly string[] }> = {
  incident: {
    groups: ['Service Desk', 'Network Operations', 'Platform Engineering', 'Facilities'],
    descriptions: [
      'VPN drops every few minutes',
      'Email delivery delayed',
      'Printer offline on floor 3',
      'Badge reader not working',
      'ERP login fails',
      'Slow Wi-Fi in warehouse',
      'Conveyor PLC alarm',
      'Payroll export failed',
      'Dashboard shows stale data',
      'Phone system outage',
    ],
  },
  request: {
    groups: ['Workplace Services', 'Facilities', 'IT Procurement', 'Service Desk'],
    descriptions: [
      'New laptop for starter',
      'Desk move',
      'Access to shared drive',
      'Parking permit',
      'Standing desk',
      'Software licence request',
      'Meeting room AV fix',
      'Visitor badges',
    ],
  },
};

export class TicketingVendor implements VendorModel {
  readonly id = 'ticketing';
  readonly drift = { field: 'severity', renameTo: 'priority' };
  private readonly rng: Rng;
  private readonly tickets: Ticket[] = [];
  private readonly nextNumber: Record<TicketKind, number> = { incident: 10001, request: 10001 };

  constructor(seed: number, start: number) {
    this.rng = Rng.stream(seed, 'ticketing');
    for (let i = 0; i < INCIDENTS + REQUESTS; i++) {
      const openedAt = start - this.rng.int(1, 30 * 24) * HOUR;
      this.tickets.push(
        this.open(i < INCIDENTS ? 'incident' : 'request', openedAt, this.rng.pick(INITIAL_STATES), start),
      );
    }
    // Oldest first, so tickets opened later land on the last page and offsets stay stable.
    this.tickets.sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.number.localeCompare(b.number));
  }

  evolve(at: number): ChangeNotice | null {
    const workable = this.tickets.filter((t) => t.state !== 'closed');
    if (workable.length > 0) this.advance(this.rng.pick(workable), at);
    this.tickets.push(this.open(this.rng.chance(0.65) ? 'incident' : 'request', at, 'new', at));
    return null;
  }

  notifyAll(): null {
    return null;
  }

  /** Every ticket, oldest first; the ServiceNow dialect reads its own copy through this. */
  list(): readonly Ticket[] {
    return this.tickets;
  }

  authenticate(request: FastifyRequest): AuthResult {
    return bearerToken(request) === TICKETING_TOKEN
      ? { ok: true, principal: null }
      : { ok: false, challenge: BEARER_CHALLENGE };
  }

  routes(app: FastifyInstance, _context: (request: FastifyRequest) => RequestContext): void {
    app.get('/ticketing/api/v3/tickets', (request) => {
      const offset = intParam(request, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = intParam(request, 'limit', 100, 1, MAX_LIMIT);
      const since = timeParam(request, 'updated_after');
      const selected = since === null ? this.tickets : this.tickets.filter((t) => Date.parse(t.updatedAt) >= since);
      return { tickets: selected.slice(offset, offset + limit), total: selected.length, offset, limit };
    });
  }

  private open(kind: TicketKind, openedAt: number, state: TicketState, now: number): Ticket {
    const catalog = CATALOG[kind];
    const prefix = kind === 'incident' ? 'INC' : 'REQ';
    const number = `${prefix}00${this.nextNumber[kind]++}`;
    const settled = state === 'resolved' || state === 'closed';
    const resolvedAt = settled ? Math.min(now - MINUTE, openedAt + this.rng.int(1, 72) * HOUR) : null;
    const touched = Math.max(openedAt, resolvedAt ?? openedAt);
    return {
      number,
      kind,
      shortDescription: this.rng.pick(catalog.descriptions),
      severity: kind === 'incident' ? this.rng.pick(SEVERITIES) : this.rng.pick([3, 4] as const),
      state,
      assignmentGroup: this.rng.pick(catalog.groups),
      assignee: state === 'new' ? null : person(this.rng).name,
      department: this.rng.pick(DEPARTMENTS).id,
      location: this.rng.pick(LOCATIONS),
      openedAt: iso(openedAt),
      resolvedAt: resolvedAt === null ? null : iso(resolvedAt),
      updatedAt: iso(touched === now ? now : Math.min(now - MINUTE, touched + this.rng.int(0, 12) * HOUR)),
    };
  }

  private advance(ticket: Ticket, at: number): void {
    switch (ticket.state) {
      case 'new':
        ticket.state = 'in_progress';
        ticket.assignee = person(this.rng).name;
        break;
      case 'in_progress':
        ticket.state = this.rng.chance(0.25) ? 'on_hold' : 'resolved';
        break;
      case 'on_hold':
        ticket.state = 'in_progress';
        break;
      case 'resolved':
        ticket.state = 'closed';
        break;
      case 'closed':
        return;
    }
    if (ticket.state === 'resolved') ticket.resolvedAt = iso(at);
    ticket.updatedAt = iso(at);
  }
}
