import { formatAge, formatAgeToSecond, formatDuration } from './format-age';

describe('formatAge', () => {
  it.each([
    [0, 'just now'],
    [4_999, 'just now'],
    [12_000, '12 s ago'],
    [180_000, '3 min ago'],
    [7_200_000, '2 h ago'],
    [3 * 86_400_000, '3 days ago'],
    [-50, 'just now'],
  ])('%i ms reads "%s"', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [42, '42 s'],
    [125, '2 min'],
    [3 * 3600 + 60, '3 h 1 min'],
    [2 * 86_400 + 3600, '2 d 1 h'],
  ])('%i s reads "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatAgeToSecond', () => {
  it.each([
    [2_000, 'just now'],
    [42_000, '42 s ago'],
    [192_000, '3 min 12 s ago'],
    [3_600_000, '1 h ago'],
  ])('%i ms reads "%s"', (ms, text) => {
    expect(formatAgeToSecond(ms)).toBe(text);
  });
});
