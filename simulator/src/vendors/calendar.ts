import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { apiKey, HttpError, intParam, queryValue } from '../http';
import { Rng } from '../random';
import { DAY, HOUR, iso, MINUTE, parseWallClock, wallClock } from '../time';
import { type AuthResult, type ChangeNotice, type RequestContext, type VendorModel } from '../types';
import { LOCATIONS, person } from './fixtures';

export const CALENDAR_KEY = 'calendar-demo-key';

export interface CalendarEvent {
  id: string;
  title: string;
  location: (typeof LOCATIONS)[number];
  timeZone: string;
  start: string;
  end: string;
  rrule: string | null;
  organizer: string;
  cancelled: boolean;
  updated: string;
}

const EVENT_COUNT = 30;
const RECURRING_COUNT = 8;
const MAX_CANCELLED = 8;
const MAX_LIMIT = 100;

const ZONES: Record<(typeof LOCATIONS)[number], readonly string[]> = {
  HQ: ['America/Chicago'],
  'Plant North': ['America/Detroit'],
  Warehouse: ['America/Denver'],
  Remote: ['Europe/London', 'America/Los_Angeles', 'Asia/Kolkata', 'America/New_York'],
};
const ONE_OFF_TITLES = [
  'Vendor call',
  'Quarterly business review',
  'Customer onsite',
  'Budget checkpoint',
  'Incident postmortem',
  'Forklift training',
  'Hiring panel',
  'Board prep',
  'Design review',
  'Inventory count',
  'Safety audit',
  'Supplier negotiation',
  'Product demo',
  'Town hall',
] as const;
const RECURRING_TITLES = [
  'Weekly ops review',
  'Team standup',
  'Sprint planning',
  'Safety walk',
  'Leadership sync',
  '1:1',
  'Shift handover',
  'Pipeline review',
] as const;
const RRULES = [
  'FREQ=WEEKLY;BYDAY=MO,WE',
  'FREQ=WEEKLY;BYDAY=FR',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
  'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
  'FREQ=MONTHLY;BYMONTHDAY=1',
] as const;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

export class CalendarVendor implements VendorModel {
  readonly id = 'calendar';
  readonly drift = { field: 'start', renameTo: 'startTime' };
  private readonly rng: Rng;
  private readonly events: CalendarEvent[];

  constructor(seed: number, start: number) {
    this.rng = Rng.stream(seed, 'calendar');
    const recurring = new Set(this.rng.shuffle([...Array(EVENT_COUNT).keys()]).slice(0, RECURRING_COUNT));
    this.events = Array.from({ length: EVENT_COUNT }, (_, i) => this.generate(i, recurring.has(i), start));
  }

  evolve(at: number): ChangeNotice {
    const live = this.events.filter((e) => !e.cancelled);
    const event = this.rng.pick(live);
    const roll = this.rng.float();
    const cancelled = this.events.length - live.length;
    if (roll < 0.15 && cancelled < MAX_CANCELLED) event.cancelled = true;
    else if (roll < 0.45) event.title = this.rename(event);
    else this.move(event);
    event.updated = iso(at);
    return { type: 'events.changed', idsKey: 'eventIds', ids: [event.id] };
  }

  notifyAll(): ChangeNotice {
    return { type: 'events.changed', idsKey: 'eventIds', ids: this.events.map((e) => e.id) };
  }

  /** The events as they stand, for a vendor that presents the same calendar its own way. */
  eventsView(): readonly Readonly<CalendarEvent>[] {
    return this.events;
  }

  authenticate(request: FastifyRequest): AuthResult {
    return apiKey(request) === CALENDAR_KEY ? { ok: true, principal: null } : { ok: false, challenge: null };
  }

  routes(app: FastifyInstance, _context: (request: FastifyRequest) => RequestContext): void {
    app.get('/calendar/v1/events', (request) => {
      const limit = intParam(request, 'limit', 25, 1, MAX_LIMIT);
      const after = decodeCursor(queryValue(request, 'cursor'));
      const remaining = after === null ? this.events : this.events.filter((e) => e.id > after);
      const items = remaining.slice(0, limit);
      const more = remaining.length > limit;
      return { items, nextCursor: more ? encodeCursor(items[items.length - 1].id) : null };
    });
  }

  private generate(index: number, recurring: boolean, start: number): CalendarEvent {
    const location = this.rng.pick(LOCATIONS);
    const rrule = recurring ? this.rng.pick(RRULES) : null;
    const day = Math.floor(start / DAY) * DAY + this.rng.int(-3, 21) * DAY;
    let begins = day + this.rng.int(16, 33) * 30 * MINUTE;
    if (rrule) begins = alignToRule(begins, rrule);
    const ends = begins + this.rng.pick([30, 45, 60, 90]) * MINUTE;
    return {
      id: `evt-${1001 + index}`,
      title: recurring ? this.rng.pick(RECURRING_TITLES) : this.rng.pick(ONE_OFF_TITLES),
      location,
      timeZone: this.rng.pick(ZONES[location]),
      start: wallClock(begins),
      end: wallClock(ends),
      rrule,
      organizer: person(this.rng).email,
      cancelled: !recurring && this.rng.chance(0.07),
      updated: iso(start - this.rng.int(1, 120) * MINUTE),
    };
  }

  private rename(event: CalendarEvent): string {
    const titles = event.rrule ? RECURRING_TITLES : ONE_OFF_TITLES;
    const others = titles.filter((title) => title !== event.title);
    return this.rng.pick(others);
  }

  /** Recurring events keep their weekday pattern, so only their time of day moves. */
  private move(event: CalendarEvent): void {
    const shift = event.rrule
      ? this.rng.pick([-60, -30, 30, 60]) * MINUTE
      : this.rng.pick([-DAY, -HOUR, HOUR, 2 * HOUR, DAY, 2 * DAY]);
    event.start = wallClock(parseWallClock(event.start) + shift);
    event.end = wallClock(parseWallClock(event.end) + shift);
  }
}

/** Moves a first occurrence forward onto a day the rule produces (RFC 5545 expects DTSTART to match). */
function alignToRule(begins: number, rrule: string): number {
  const byDay = /BYDAY=([A-Z,]+)/.exec(rrule)?.[1].split(',');
  const byMonthDay = /BYMONTHDAY=(\d+)/.exec(rrule)?.[1];
  let at = begins;
  for (let i = 0; i < 31; i++, at += DAY) {
    const date = new Date(at);
    if (byDay && !byDay.includes(WEEKDAYS[date.getUTCDay()])) continue;
    if (byMonthDay && date.getUTCDate() !== Number(byMonthDay)) continue;
    return at;
  }
  return begins;
}

function encodeCursor(afterId: string): string {
  return Buffer.from(JSON.stringify({ after: afterId })).toString('base64url');
}

function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && 'after' in parsed && typeof parsed.after === 'string') {
      return parsed.after;
    }
  } catch {
    // fall through to the 400 below
  }
  throw new HttpError(400, 'invalid_cursor', 'cursor is not one this API issued');
}
