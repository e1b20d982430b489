import type { BusinessHours, Cadence, FullSyncSchedule } from '@switchyard/contracts';
import { Cron } from 'croner';

const HOUR_MS = 3_600_000;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** When a source is next due after a run that ended (or was claimed) at `after`. */
export function nextRunAt(cadence: Cadence, after: Date): Date {
  if (cadence.type === 'cron') return nextCron(cadence.expression, cadence.timeZone, after);
  const { everySeconds, offHoursEverySeconds, businessHours } = cadence;
  if (!businessHours || offHoursEverySeconds === undefined || isBusinessHours(businessHours, after)) {
    return new Date(after.getTime() + everySeconds * 1000);
  }
  // Off hours: the slower interval, but never sleep past the start of business hours.
  const relaxed = new Date(after.getTime() + offHoursEverySeconds * 1000);
  const opening = nextBusinessStart(businessHours, after);
  return opening && opening < relaxed ? opening : relaxed;
}

/** The next full refresh, or null when the source has no full-sync schedule. */
export function nextFullSyncAt(schedule: FullSyncSchedule | null, after: Date): Date | null {
  return schedule ? nextCron(schedule.expression, schedule.timeZone, after) : null;
}

/** The nominal interval in seconds, used to judge when a source is late. */
export function nominalIntervalSeconds(cadence: Cadence, at: Date): number {
  if (cadence.type === 'interval') {
    const offHours = cadence.businessHours && !isBusinessHours(cadence.businessHours, at);
    return offHours && cadence.offHoursEverySeconds ? cadence.offHoursEverySeconds : cadence.everySeconds;
  }
  const first = nextCron(cadence.expression, cadence.timeZone, at);
  const second = nextCron(cadence.expression, cadence.timeZone, first);
  return Math.max(1, Math.round((second.getTime() - first.getTime()) / 1000));
}

export function isBusinessHours(hours: BusinessHours, at: Date): boolean {
  const { weekday, hour } = localWeekdayHour(hours.timeZone, at);
  return hours.days.includes(weekday) && hour >= hours.startHour && hour < hours.endHour;
}

function nextBusinessStart(hours: BusinessHours, after: Date): Date | null {
  const firstHour = Math.ceil(after.getTime() / HOUR_MS) * HOUR_MS;
  for (let i = 0; i <= 8 * 24; i += 1) {
    const candidate = new Date(firstHour + i * HOUR_MS);
    if (isBusinessHours(hours, candidate)) return candidate;
  }
  return null;
}

function localWeekdayHour(timeZone: string, at: Date): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const weekday = WEEKDAYS[parts.find((p) => p.type === 'weekday')?.value ?? 'Mon'];
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  return { weekday, hour };
}

function nextCron(expression: string, timeZone: string, after: Date): Date {
  const next = new Cron(expression, { timezone: timeZone, paused: true }).nextRun(after);
  // A valid expression always has a next run; far-future fallback keeps the type honest.
  return next ?? new Date(after.getTime() + 365 * 24 * HOUR_MS);
}
