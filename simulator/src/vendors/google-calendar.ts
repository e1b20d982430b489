import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { bearerToken } from '../http';
import { Rng } from '../random';
import { DAY } from '../time';
import { type AuthResult, type RequestContext, type VendorModel, type VendorRefusals } from '../types';
import { CalendarVendor, type CalendarEvent } from './calendar';
import {
  durationMs,
  googleId,
  instanceId,
  occurrences,
  rfc3339,
  when,
  zonedToUtc,
  type GoogleException,
  type GoogleMaster,
  type Occurrence,
} from './google-calendar.data';
import {
  etag,
  GoogleError,
  pageToken,
  queryKey,
  readPageToken,
  readParams,
  readSyncToken,
  sortItems,
  syncToken,
  type Item,
  type ListParams,
} from './google-calendar.params';
import { CALENDAR_SCOPES, googleError, GoogleTokenIssuer } from './google-oauth';

export const GOOGLE_CALENDAR_ID = 'workplace@switchyard.example';
const CALENDAR = { summary: 'Workplace', timeZone: 'America/Chicago' };
/** How far ahead open-ended recurring events are expanded when no timeMax is given. */
const EXPAND_AHEAD_MS = 180 * DAY;

/** Google Calendar API v3 under `/google` (https://www.googleapis.com), token endpoint included. */
export class GoogleCalendarVendor implements VendorModel {
  readonly id = 'google';
  readonly drift = { field: 'dateTime', renameTo: 'date_time' };
  private readonly calendar: CalendarVendor;
  private readonly rng: Rng;
  private readonly issuer = new GoogleTokenIssuer();
  private readonly masters = new Map<string, GoogleMaster>();
  private readonly exceptions: GoogleException[] = [];
  private changeSeq = 0;
  /** Sync tokens carry the epoch they were issued in; expiring them starts a new one. */
  private epoch = 1;

  readonly actions = {
    'expire-sync-tokens': () => ({ epoch: ++this.epoch }),
  };

  constructor(seed: number, start: number) {
    this.calendar = new CalendarVendor(seed, start);
    this.rng = Rng.stream(seed, 'google');
    for (const source of this.calendar.eventsView()) this.mirror(source, Date.parse(source.updated));
    // Each series has had one early occurrence called off, so exceptions exist from the start.
    for (const master of this.masters.values()) {
      if (master.source.rrule === null) continue;
      const first = zonedToUtc(master.source.start, master.source.timeZone);
      const second = occurrences(master, first, first + 60 * DAY)[1];
      if (second) this.cancelOccurrence(master, second.localStart, master.updated);
    }
  }

  /** The calendar copy takes its step (move, rename, cancel); sometimes one occurrence is called off. */
  evolve(at: number): null {
    for (const id of this.calendar.evolve(at).ids) {
      const source = this.calendar.eventsView().find((e) => e.id === id);
      if (source) this.mirror(source, at);
    }
    if (this.rng.chance(0.25)) {
      const series = [...this.masters.values()].filter((m) => m.source.rrule !== null && !m.source.cancelled);
      const master = series.length > 0 ? this.rng.pick(series) : null;
      const next =
        master && occurrences(master, at, at + 30 * DAY).find((o) => !this.isCancelled(master, o.localStart));
      if (master && next) this.cancelOccurrence(master, next.localStart, at);
    }
    return null;
  }

  notifyAll(): null {
    return null;
  }

  authenticate(request: FastifyRequest, now: number): AuthResult {
    return this.issuer.scopesOf(bearerToken(request), now)
      ? { ok: true, principal: null }
      : { ok: false, challenge: null };
  }

  readonly refusals: VendorRefusals = {
    unauthorized: (reply) =>
      reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="https://accounts.google.com/", error="invalid_token"')
        .send(
          googleError(
            401,
            'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
            {
              domain: 'global',
              reason: 'authError',
              message: 'Invalid Credentials',
              location: 'Authorization',
              locationType: 'header',
            },
            'UNAUTHENTICATED',
          ),
        ),
    rateLimited: (reply, retryAfter) =>
      reply
        .code(429)
        .header('retry-after', String(retryAfter))
        .send(
          googleError(
            429,
            'Rate Limit Exceeded',
            { domain: 'usageLimits', reason: 'rateLimitExceeded' },
            'RESOURCE_EXHAUSTED',
          ),
        ),
  };

  routes(app: FastifyInstance, context: (request: FastifyRequest) => RequestContext): void {
    app.post('/google/token', { config: { public: true } }, (request, reply) =>
      this.issuer.issue(request, reply, context(request).now),
    );
    app.get('/google/calendar/v3/calendars/:calendarId', (request, reply) =>
      this.answer(request, reply, context(request).now, () => ({
        kind: 'calendar#calendar',
        etag: `"${this.changeSeq}"`,
        id: GOOGLE_CALENDAR_ID,
        ...CALENDAR,
      })),
    );
    app.get('/google/calendar/v3/calendars/:calendarId/events', (request, reply) =>
      this.answer(request, reply, context(request).now, () =>
        this.list(readParams(request), context(request).dataTime),
      ),
    );
  }

  /** Scope and calendar checks shared by the calendar routes; Google errors become their answers. */
  private answer(request: FastifyRequest, reply: FastifyReply, now: number, handle: () => unknown) {
    try {
      const scopes = this.issuer.scopesOf(bearerToken(request), now) ?? new Set<string>();
      if (![...scopes].some((s) => CALENDAR_SCOPES.has(s))) {
        throw new GoogleError(
          403,
          googleError(
            403,
            'Request had insufficient authentication scopes.',
            { domain: 'global', reason: 'insufficientPermissions', message: 'Insufficient Permission' },
            'PERMISSION_DENIED',
          ),
        );
      }
      if ((request.params as { calendarId: string }).calendarId !== GOOGLE_CALENDAR_ID) {
        throw new GoogleError(404, googleError(404, 'Not Found', { domain: 'global', reason: 'notFound' }));
      }
      return handle();
    } catch (error) {
      if (error instanceof GoogleError) return reply.code(error.status).send(error.body);
      throw error;
    }
  }

  private list(params: ListParams, dataTime: number) {
    const page = params.pageToken === null ? null : readPageToken(params.pageToken, queryKey(params));
    const snapshot = page?.seq ?? this.changeSeq;
    let items: Item[];
    if (params.syncToken !== null) {
      const token = readSyncToken(params.syncToken);
      if (token.epoch !== this.epoch) {
        const message = 'Sync token is no longer valid, a full sync is required.';
        throw new GoogleError(
          410,
          googleError(410, message, {
            domain: 'calendar',
            reason: 'fullSyncRequired',
            location: 'syncToken',
            locationType: 'parameter',
          }),
        );
      }
      items = this.changes(token.seq, params.singleEvents, dataTime);
    } else items = this.full(params, dataTime);
    sortItems(items, params.orderBy);
    const offset = page?.offset ?? 0;
    const slice = items.slice(offset, offset + params.maxResults);
    const more = offset + slice.length < items.length;
    const updated = Math.max(
      0,
      ...[...this.masters.values()].map((m) => m.updated),
      ...this.exceptions.map((e) => e.updated),
    );
    return {
      kind: 'calendar#events',
      etag: `"p${snapshot}"`,
      summary: CALENDAR.summary,
      description: 'Meetings, site visits and checkpoints',
      updated: rfc3339(updated),
      timeZone: CALENDAR.timeZone,
      accessRole: 'reader',
      defaultReminders: [],
      ...(more
        ? { nextPageToken: pageToken(offset + slice.length, snapshot, queryKey(params)) }
        : { nextSyncToken: syncToken(snapshot, this.epoch) }),
      items: slice.map((item) => item.json),
    };
  }

  /** Everything in the window: masters (and cancelled exceptions) or, with singleEvents, instances. */
  private full(params: ListParams, dataTime: number): Item[] {
    const from = params.timeMin ?? Number.NEGATIVE_INFINITY;
    const to = params.timeMax ?? Number.POSITIVE_INFINITY;
    const items: Item[] = [];
    for (const master of this.masters.values()) {
      const { rrule, cancelled } = master.source;
      if (cancelled) {
        if (params.showDeleted) items.push(this.masterItem(master));
      } else if (rrule === null || !params.singleEvents) {
        if (occurrences(master, from, to).length > 0) items.push(this.masterItem(master));
      } else {
        for (const o of occurrences(master, from, Math.min(to, dataTime + EXPAND_AHEAD_MS))) {
          const off = this.isCancelled(master, o.localStart);
          if (!off || params.showDeleted) items.push(this.instanceItem(o, off));
        }
      }
    }
    // Documented: cancelled instances of a series are listed even without showDeleted when singleEvents is false.
    if (!params.singleEvents) {
      for (const exception of this.exceptions) {
        const master = this.masters.get(exception.masterId);
        const startsAt = master ? zonedToUtc(exception.originalStart, master.source.timeZone) : 0;
        if (master && startsAt < to && startsAt + durationMs(master) > from) {
          items.push(this.instanceItem({ master, localStart: exception.originalStart, startsAt }, true));
        }
      }
    }
    return items;
  }

  /** What changed after `since`, deletions included as `status: cancelled`. */
  private changes(since: number, singleEvents: boolean, dataTime: number): Item[] {
    const items: Item[] = [];
    for (const master of this.masters.values()) {
      if (master.changeSeq <= since) continue;
      const recurring = master.source.rrule !== null && !master.source.cancelled;
      if (!singleEvents || !recurring) {
        items.push(this.masterItem(master));
        continue;
      }
      for (const o of occurrences(master, Number.NEGATIVE_INFINITY, dataTime + EXPAND_AHEAD_MS)) {
        if (!this.isCancelled(master, o.localStart)) items.push(this.instanceItem(o, false));
      }
    }
    for (const exception of this.exceptions) {
      const master = this.masters.get(exception.masterId);
      if (!master || exception.changeSeq <= since) continue;
      const startsAt = zonedToUtc(exception.originalStart, master.source.timeZone);
      items.push(this.instanceItem({ master, localStart: exception.originalStart, startsAt }, true));
    }
    return items;
  }

  /** A master as events.list shows it: its own first start; a cancelled one is id and status only. */
  private masterItem(master: GoogleMaster): Item {
    const [first] = occurrences(master, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    const start = first ?? {
      localStart: master.source.start,
      startsAt: zonedToUtc(master.source.start, master.source.timeZone),
    };
    const base = { kind: 'calendar#event', etag: etag(master.updated, master.sequence), id: master.id };
    if (master.source.cancelled) {
      return {
        json: { ...base, status: 'cancelled', updated: rfc3339(master.updated) },
        startsAt: start.startsAt,
        updated: master.updated,
      };
    }
    const json = {
      ...base,
      ...this.eventBody(master, start.localStart),
      ...(master.source.rrule ? { recurrence: [`RRULE:${master.source.rrule}`] } : {}),
    };
    return { json, startsAt: start.startsAt, updated: master.updated };
  }

  private instanceItem(o: Occurrence, cancelled: boolean): Item {
    const { master } = o;
    const exception = this.exceptions.find((e) => e.masterId === master.id && e.originalStart === o.localStart);
    const updated = exception?.updated ?? master.updated;
    const base = {
      kind: 'calendar#event',
      etag: etag(updated, master.sequence),
      id: instanceId(master, o.localStart),
      recurringEventId: master.id,
      originalStartTime: when(master, o.localStart),
    };
    const json = cancelled
      ? { ...base, status: 'cancelled', updated: rfc3339(updated) }
      : { ...base, ...this.eventBody(master, o.localStart) };
    return { json, startsAt: o.startsAt, updated };
  }

  private eventBody(master: GoogleMaster, localStart: string) {
    const { source } = master;
    return {
      status: master.tentative ? 'tentative' : 'confirmed',
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${master.id} ${GOOGLE_CALENDAR_ID}`).toString('base64url')}`,
      created: rfc3339(master.created),
      updated: rfc3339(master.updated),
      summary: source.title,
      location: source.location,
      creator: { email: source.organizer },
      organizer: { email: source.organizer },
      start: when(master, localStart),
      end: when(master, localStart, durationMs(master)),
      iCalUID: `${master.id}@google.com`,
      sequence: master.sequence,
      reminders: { useDefault: true },
      eventType: 'default',
    };
  }

  private mirror(source: Readonly<CalendarEvent>, at: number): void {
    const id = googleId(source.id);
    const existing = this.masters.get(id);
    if (existing) {
      Object.assign(existing, { updated: at, sequence: existing.sequence + 1, changeSeq: ++this.changeSeq });
      return;
    }
    const number = Number(source.id.replace(/\D/g, ''));
    this.masters.set(id, {
      id,
      source,
      // Some one-off events are all-day (site visits, audits); some invitations are tentative.
      allDay: source.rrule === null && number % 5 === 0,
      tentative: number % 6 === 0,
      created: at - 7 * DAY,
      updated: at,
      sequence: 0,
      changeSeq: ++this.changeSeq,
    });
  }

  private cancelOccurrence(master: GoogleMaster, localStart: string, at: number): void {
    this.exceptions.push({ masterId: master.id, originalStart: localStart, updated: at, changeSeq: ++this.changeSeq });
  }

  private isCancelled(master: GoogleMaster, localStart: string): boolean {
    return this.exceptions.some((e) => e.masterId === master.id && e.originalStart === localStart);
  }
}
