import { formatDateTime, formatRelative, formatUtc, formatWhen } from './format-time';

const AT = '2026-11-26T13:05:12.000Z';
const NOW = Date.parse(AT);

describe('time formatting', () => {
  it('shows the absolute time in the given zone with its name', () => {
    expect(formatDateTime(AT, 'Europe/Berlin')).toBe('26 Nov 2026, 14:05 CET');
    expect(formatDateTime(AT, 'UTC')).toBe('26 Nov 2026, 13:05 UTC');
    expect(formatDateTime(AT, 'America/New_York')).toBe('26 Nov 2026, 08:05 GMT-5');
    expect(formatDateTime('2026-07-01T12:00:00Z', 'Europe/Berlin')).toBe('1 Jul 2026, 14:00 CEST');
  });

  it('shows the instant in UTC for the tooltip', () => {
    expect(formatUtc(AT)).toBe('2026-11-26 13:05:12 UTC');
    expect(formatUtc(NOW)).toBe('2026-11-26 13:05:12 UTC');
  });

  it.each([
    [0, 'just now'],
    [-42_000, '42 s ago'],
    [-3 * 60_000, '3 min ago'],
    [5 * 60_000, 'in 5 min'],
    [2 * 3_600_000, 'in 2 h'],
  ])('relative to now, %i ms away reads "%s"', (offset, text) => {
    expect(formatRelative(NOW + offset, NOW)).toBe(text);
  });

  it('puts relative and absolute together', () => {
    expect(formatWhen(AT, NOW + 180_000, 'Europe/Berlin')).toBe('3 min ago · 26 Nov 2026, 14:05 CET');
  });

  it.each([null, undefined, '', 'not a date'])('shows a dash for %p', (value) => {
    expect(formatDateTime(value, 'UTC')).toBe('—');
    expect(formatUtc(value)).toBe('—');
    expect(formatWhen(value, NOW, 'UTC')).toBe('—');
  });
});
