import type { Cadence } from '@switchyard/contracts';
import { isBusinessHours, nextFullSyncAt, nextRunAt, nominalIntervalSeconds } from './cadence';

const chicagoHours = { timeZone: 'America/Chicago', days: [1, 2, 3, 4, 5], startHour: 8, endHour: 18 };
const incidents: Cadence = {
  type: 'interval',
  everySeconds: 120,
  offHoursEverySeconds: 600,
  businessHours: chicagoHours,
};

describe('cadence', () => {
  it('adds a plain interval', () => {
    const after = new Date('2026-11-26T10:00:00Z');
    expect(nextRunAt({ type: 'interval', everySeconds: 300 }, after).toISOString()).toBe('2026-11-26T10:05:00.000Z');
  });

  it('polls every 2 minutes in business hours in the source time zone', () => {
    // Wednesday 10:00 in Chicago is 16:00 UTC.
    const after = new Date('2026-11-25T16:00:00Z');
    expect(isBusinessHours(chicagoHours, after)).toBe(true);
    expect(nextRunAt(incidents, after).toISOString()).toBe('2026-11-25T16:02:00.000Z');
  });

  it('relaxes to 10 minutes off hours', () => {
    // Wednesday 22:00 in Chicago.
    const after = new Date('2026-11-26T04:00:00Z');
    expect(nextRunAt(incidents, after).toISOString()).toBe('2026-11-26T04:10:00.000Z');
    expect(nominalIntervalSeconds(incidents, after)).toBe(600);
  });

  it('wakes up at the opening of business hours rather than sleeping past it', () => {
    // Monday 07:55 in Chicago = 13:55 UTC; business opens at 14:00 UTC.
    const after = new Date('2026-11-30T13:55:00Z');
    expect(nextRunAt(incidents, after).toISOString()).toBe('2026-11-30T14:00:00.000Z');
  });

  it('treats weekends as off hours', () => {
    const saturdayNoon = new Date('2026-11-28T18:00:00Z');
    expect(isBusinessHours(chicagoHours, saturdayNoon)).toBe(false);
  });

  it('follows a cron expression in its time zone', () => {
    const cadence: Cadence = { type: 'cron', expression: '0 2 * * *', timeZone: 'Europe/Berlin' };
    const next = nextRunAt(cadence, new Date('2026-11-26T10:00:00Z'));
    expect(next.toISOString()).toBe('2026-11-27T01:00:00.000Z');
    expect(nominalIntervalSeconds(cadence, new Date('2026-11-26T10:00:00Z'))).toBe(86_400);
  });

  it('schedules the nightly full sync', () => {
    const next = nextFullSyncAt({ expression: '30 1 * * *', timeZone: 'UTC' }, new Date('2026-11-26T10:00:00Z'));
    expect(next?.toISOString()).toBe('2026-11-27T01:30:00.000Z');
    expect(nextFullSyncAt(null, new Date())).toBeNull();
  });
});
