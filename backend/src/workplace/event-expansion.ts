import { zonedWallTimeToUtc } from '../common';
import { RRule } from 'rrule';

export interface ExpandableEvent {
  localStart: string;
  localEnd: string;
  timeZone: string;
  rrule: string | null;
}

export interface Occurrence {
  start: Date;
  end: Date;
  /** Wall-clock start in the event's zone, `YYYY-MM-DDTHH:mm:ss`. */
  localStart: string;
}

const DAY_MS = 86_400_000;

/**
 * Occurrences starting in [from, to). The rule runs on wall-clock ("floating") times and
 * each occurrence is then placed in the event's zone, so a weekly 09:00 stays 09:00 local
 * across a DST change. Running the rule on UTC instants would drift by the DST offset.
 */
export function expandOccurrences(event: ExpandableEvent, from: Date, to: Date): Occurrence[] {
  const floatingStart = floating(event.localStart);
  const durationMs = floating(event.localEnd).getTime() - floatingStart.getTime();
  // Wall-clock and UTC differ by at most ±14 h; a day's margin either side, then exact filtering.
  const windowStart = new Date(from.getTime() - DAY_MS);
  const windowEnd = new Date(to.getTime() + DAY_MS);
  return wallClockStarts(event.rrule, floatingStart, windowStart, windowEnd)
    .map((wall) => {
      const localStart = wall.toISOString().slice(0, 19);
      const start = zonedToUtc(localStart, event.timeZone);
      const localEnd = new Date(wall.getTime() + durationMs).toISOString().slice(0, 19);
      return { start, end: zonedToUtc(localEnd, event.timeZone), localStart };
    })
    .filter((o) => o.start >= from && o.start < to);
}

/** A rule the calendar sent but rrule cannot read leaves the event's first occurrence only. */
function wallClockStarts(rule: string | null, dtstart: Date, from: Date, to: Date): Date[] {
  if (!rule) return [dtstart];
  try {
    return new RRule({ ...RRule.parseString(rule), dtstart, tzid: null }).between(from, to, true);
  } catch {
    return [dtstart];
  }
}

/** A wall-clock time as if it were UTC: the representation the rule engine iterates on. */
function floating(local: string): Date {
  return new Date(`${local.length === 16 ? `${local}:00` : local}Z`);
}

/** The UTC instant a wall-clock time in `timeZone` denotes (the later reading in a DST gap). */
export function zonedToUtc(local: string, timeZone: string): Date {
  return zonedWallTimeToUtc(floating(local).toISOString().slice(0, 19), timeZone);
}
