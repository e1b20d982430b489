import { expandOccurrences, zonedToUtc } from './event-expansion';

const chicagoStandup = {
  localStart: '2026-02-23T09:00:00',
  localEnd: '2026-02-23T09:30:00',
  timeZone: 'America/Chicago',
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
};

describe('expandOccurrences', () => {
  it('keeps a weekly Monday 09:00 Chicago meeting at 09:00 local across the March 8 2026 DST change', () => {
    const occurrences = expandOccurrences(
      chicagoStandup,
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-17T00:00:00Z'),
    );
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2026-03-02T15:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
      '2026-03-16T14:00:00.000Z',
    ]);
    expect(occurrences.map((o) => o.localStart)).toEqual([
      '2026-03-02T09:00:00',
      '2026-03-09T09:00:00',
      '2026-03-16T09:00:00',
    ]);
    expect(occurrences[1].end.toISOString()).toBe('2026-03-09T14:30:00.000Z');
  });

  it('includes an occurrence starting exactly at from and excludes one starting at to', () => {
    const occurrences = expandOccurrences(
      chicagoStandup,
      new Date('2026-03-02T15:00:00Z'),
      new Date('2026-03-09T14:00:00Z'),
    );
    expect(occurrences.map((o) => o.start.toISOString())).toEqual(['2026-03-02T15:00:00.000Z']);
  });

  it('never yields occurrences before the first one', () => {
    const occurrences = expandOccurrences(
      chicagoStandup,
      new Date('2026-02-01T00:00:00Z'),
      new Date('2026-03-01T00:00:00Z'),
    );
    expect(occurrences.map((o) => o.start.toISOString())).toEqual(['2026-02-23T15:00:00.000Z']);
  });

  it('returns a one-off event only when it starts inside the window', () => {
    const oneOff = { ...chicagoStandup, rrule: null };
    expect(expandOccurrences(oneOff, new Date('2026-02-23T00:00:00Z'), new Date('2026-02-24T00:00:00Z'))).toHaveLength(
      1,
    );
    expect(expandOccurrences(oneOff, new Date('2026-02-24T00:00:00Z'), new Date('2026-02-25T00:00:00Z'))).toHaveLength(
      0,
    );
  });

  it('treats an unreadable rule as a one-off rather than failing the answer', () => {
    const broken = { ...chicagoStandup, rrule: 'FREQ=SOMETIMES' };
    const occurrences = expandOccurrences(broken, new Date('2026-02-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'));
    expect(occurrences.map((o) => o.start.toISOString())).toEqual(['2026-02-23T15:00:00.000Z']);
  });
});

describe('zonedToUtc', () => {
  it('converts wall-clock times on both sides of a DST change', () => {
    expect(zonedToUtc('2026-03-06T09:00:00', 'America/Chicago').toISOString()).toBe('2026-03-06T15:00:00.000Z');
    expect(zonedToUtc('2026-03-10T09:00:00', 'America/Chicago').toISOString()).toBe('2026-03-10T14:00:00.000Z');
    expect(zonedToUtc('2026-07-01T09:00:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });
});
