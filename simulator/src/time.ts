export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `YYYY-MM-DD` (UTC). */
export function ymd(ms: number): string {
  return iso(ms).slice(0, 10);
}

/** `YYYY-MM` (UTC). */
export function monthKey(ms: number): string {
  return iso(ms).slice(0, 7);
}

/** ClientTether's `YYYY-MM-DD HH:mm:ss` (UTC, no zone marker). */
export function ctTime(ms: number): string {
  return iso(ms).slice(0, 19).replace('T', ' ');
}

/** Wall-clock `YYYY-MM-DDTHH:mm:ss` without an offset; arithmetic treats it as UTC. */
export function wallClock(ms: number): string {
  return iso(ms).slice(0, 19);
}

export function parseWallClock(value: string): number {
  return Date.parse(`${value}Z`);
}

/** Start of the UTC month `offset` months away from the month containing `ms`. */
export function monthStart(ms: number, offset = 0): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1);
}
