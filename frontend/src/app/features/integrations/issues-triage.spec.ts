import { occurrences } from './issues-triage.component';

describe('occurrences', () => {
  it.each([
    [1, '1 occurrence'],
    [0, '0 occurrences'],
    [12, '12 occurrences'],
    [1200, '1,200 occurrences'],
  ])('%i reads "%s"', (count, text) => {
    expect(occurrences(count)).toBe(text);
  });
});
