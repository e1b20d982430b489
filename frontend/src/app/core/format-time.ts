import { formatAge } from './format-age';

/** The zone the console shows times in: the browser's, unless a caller names one (tests do). */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const absoluteFormats = new Map<string, Intl.DateTimeFormat>();
function absoluteFormat(zone: string): Intl.DateTimeFormat {
  let format = absoluteFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
      timeZoneName: 'short',
    });
    absoluteFormats.set(zone, format);
  }
  return format;
}

function parse(at: string | number | Date | null | undefined): Date | null {
  if (at === null || at === undefined || at === '') return null;
  const date = at instanceof Date ? at : new Date(at);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "26 Nov 2026, 14:05 CET": day, time and zone in the viewer's zone; a dash when missing. */
export function formatDateTime(at: string | number | Date | null | undefined, zone = viewerZone()): string {
  const date = parse(at);
  return date ? absoluteFormat(zone).format(date) : '—';
}

/** "2026-11-26 13:05:12 UTC": the same instant in UTC, for a tooltip; a dash when missing. */
export function formatUtc(at: string | number | Date | null | undefined): string {
  const date = parse(at);
  return date ? `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '—';
}

/** "3 min ago" for the past, "in 5 min" for the future, relative to `now` (ms). */
export function formatRelative(at: string | number | Date | null | undefined, now: number): string {
  const date = parse(at);
  if (!date) return '—';
  const ms = now - date.getTime();
  if (ms >= -5_000) return formatAge(ms);
  return `in ${formatAge(-ms).replace(/ ago$/, '')}`;
}

/** "3 min ago · 26 Nov 2026, 14:05 CET": relative and absolute together; a dash when missing. */
export function formatWhen(at: string | number | Date | null | undefined, now: number, zone = viewerZone()): string {
  if (!parse(at)) return '—';
  return `${formatRelative(at, now)} · ${formatDateTime(at, zone)}`;
}
