import { RRule } from 'rrule';
import { DAY, iso, parseWallClock, ymd } from '../time';
import { type CalendarEvent } from './calendar';

/**
 * Google's view of the calendar model. A master event is one calendar-model event; an
 * exception is a cancelled instance of a recurring master. `changeSeq` orders changes for
 * sync tokens: a token remembers the highest sequence its client has seen.
 */
export interface GoogleMaster {
  id: string;
  source: Readonly<CalendarEvent>;
  allDay: boolean;
  tentative: boolean;
  created: number;
  updated: number;
  sequence: number;
  changeSeq: number;
}

export interface GoogleException {
  masterId: string;
  /** Wall-clock start of the cancelled occurrence, `YYYY-MM-DDTHH:mm:ss` in the master's zone. */
  originalStart: string;
  updated: number;
  changeSeq: number;
}

/** The furthest a series is ever expanded: three years of occurrences. */
const SERIES_HORIZON_MS = 3 * 365 * DAY;

export interface Occurrence {
  master: GoogleMaster;
  /** Wall-clock start in the master's zone. */
  localStart: string;
  startsAt: number;
}

/** Google event ids use base32hex characters (a–v, 0–9): `evt-1001` becomes `evt1001`. */
export function googleId(calendarId: string): string {
  return calendarId.replace(/[^a-v0-9]/g, '');
}

/** RFC 3339 with milliseconds, as Google writes `updated` and `created`. */
export function rfc3339(ms: number): string {
  return iso(ms);
}

/** A wall-clock time in `timeZone` as an instant, correcting once for DST. */
export function zonedToUtc(local: string, timeZone: string): number {
  const asUtc = parseWallClock(local);
  const first = asUtc - offsetMs(asUtc, timeZone);
  return asUtc - offsetMs(first, timeZone);
}

/** `2026-05-14T10:00:00-05:00`: the wall time with the zone's offset at that instant. */
export function withOffset(local: string, timeZone: string): string {
  const offset = Math.round((parseWallClock(local) - zonedToUtc(local, timeZone)) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function offsetMs(instant: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * Occurrences of a master that overlap [from, to): ending after `from`, starting before `to`,
 * as Google's timeMin/timeMax filter. The rule runs on floating wall-clock times, then each
 * occurrence is placed in the zone, so a weekly 09:00 stays 09:00 local across DST.
 */
export function occurrences(master: GoogleMaster, from: number, to: number): Occurrence[] {
  const { source } = master;
  const length = durationMs(master);
  const place = (localStart: string): Occurrence => ({
    master,
    localStart,
    startsAt: zonedToUtc(localStart, source.timeZone),
  });
  let all: Occurrence[];
  if (source.rrule === null) all = [place(master.allDay ? allDayStart(master) : source.start)];
  else {
    const dtstart = parseWallClock(source.start);
    const rule = new RRule({ ...RRule.parseString(source.rrule), dtstart: new Date(dtstart) });
    // Open windows are bounded (series have no end); wall clock and UTC differ by at most
    // ±14 h, so widen by a day and filter exactly below.
    const lo = Math.max(from - length - DAY, dtstart - DAY);
    const hi = Math.min(to + DAY, dtstart + SERIES_HORIZON_MS);
    all =
      lo > hi
        ? []
        : rule.between(new Date(lo), new Date(hi), true).map((date) => place(iso(date.getTime()).slice(0, 19)));
  }
  return all.filter((o) => o.startsAt < to && o.startsAt + length > from);
}

/** Google's instance id: the master id and the original start in UTC. */
export function instanceId(master: GoogleMaster, localStart: string): string {
  if (master.allDay) return `${master.id}_${localStart.slice(0, 10).replace(/-/g, '')}`;
  return `${master.id}_${iso(zonedToUtc(localStart, master.source.timeZone)).replace(/[-:]|\.\d{3}/g, '')}`;
}

/** `start`/`end` objects: `date` for all-day events (end exclusive), else `dateTime` + `timeZone`. */
export function when(master: GoogleMaster, local: string, addMs = 0): Record<string, string> {
  const shifted = iso(parseWallClock(local) + addMs).slice(0, 19);
  if (master.allDay) return { date: shifted.slice(0, 10) };
  return { dateTime: withOffset(shifted, master.source.timeZone), timeZone: master.source.timeZone };
}

export function durationMs(master: GoogleMaster): number {
  return master.allDay ? DAY : parseWallClock(master.source.end) - parseWallClock(master.source.start);
}

export function allDayStart(master: GoogleMaster): string {
  return `${ymd(parseWallClock(master.source.start))}T00:00:00`;
}
