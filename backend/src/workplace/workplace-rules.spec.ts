import { asOfInstant, parseSeverities, parseStates, parseTimeframe, splitList, utilisation } from './workplace-rules';

describe('utilisation', () => {
  it('is headcount over headcount plus open roles, to three decimals', () => {
    expect(utilisation(42, 3)).toBe(0.933);
    expect(utilisation(10, 0)).toBe(1);
    expect(utilisation(0, 4)).toBe(0);
  });

  it('is null, never NaN, when there are no seats at all', () => {
    expect(utilisation(0, 0)).toBeNull();
  });
});

describe('splitList', () => {
  it('trims, drops empties and duplicates', () => {
    expect(splitList(' high,critical,,high ')).toEqual(['high', 'critical']);
    expect(splitList(undefined)).toEqual([]);
  });
});

describe('parseSeverities', () => {
  it('accepts a comma list of severities', () => {
    expect(parseSeverities('high,critical')).toEqual(['high', 'critical']);
  });

  it('refuses an unknown severity naming the field', () => {
    expect(() => parseSeverities('high,urgent')).toThrow(/severity has unknown value\(s\) urgent/);
  });
});

describe('parseStates', () => {
  it('expands open and closed', () => {
    expect(parseStates('open')).toEqual(['new', 'in_progress', 'on_hold']);
    expect(parseStates('closed')).toEqual(['resolved', 'closed']);
  });

  it('accepts raw states and mixes without duplicates', () => {
    expect(parseStates('new,open')).toEqual(['new', 'in_progress', 'on_hold']);
    expect(parseStates('resolved')).toEqual(['resolved']);
  });

  it('refuses an unknown state naming the field', () => {
    expect(() => parseStates('pending')).toThrow(/state has unknown value\(s\) pending/);
  });

  it('means no filter when absent', () => {
    expect(parseStates(undefined)).toEqual([]);
  });
});

describe('parseTimeframe', () => {
  it('turns days into milliseconds within 1d..90d', () => {
    expect(parseTimeframe('1d')).toBe(86_400_000);
    expect(parseTimeframe('90d')).toBe(90 * 86_400_000);
  });

  it('refuses 0d, 91d and other shapes', () => {
    for (const bad of ['0d', '91d', '7h', 'week']) expect(() => parseTimeframe(bad)).toThrow(/timeframe/);
  });
});

describe('asOfInstant', () => {
  const now = new Date('2026-05-10T12:00:00Z');

  it('is the last millisecond of the asked UTC day', () => {
    expect(asOfInstant('2026-05-01', now).toISOString()).toBe('2026-05-01T23:59:59.999Z');
  });

  it('is now when no date is asked', () => {
    expect(asOfInstant(undefined, now)).toBe(now);
  });
});
