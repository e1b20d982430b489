import {
  detectionDelaySeconds,
  healthStatus,
  hourlyTrend,
  meanTimeToDetectSeconds,
  meanTimeToResolveSeconds,
  uptimePercent,
  windowStatus,
} from './integration-health';

describe('integration health status (blueprint thresholds)', () => {
  it.each([
    [100, 0, 'healthy'],
    [98, 4, 'healthy'],
    [98, 5, 'degraded'],
    [97.99, 0, 'degraded'],
    [90, 19, 'degraded'],
    [90, 500, 'degraded'],
    [89.99, 19, 'degraded'],
    [89.99, 20, 'down'],
    [0, 20, 'down'],
  ])('success rate %p %% with %p errors is %p', (rate, errors, expected) => {
    expect(healthStatus(rate, errors)).toBe(expected);
  });

  it('treats a window without events as healthy', () => {
    expect(windowStatus(0, 0)).toBe('healthy');
    expect(windowStatus(49, 1)).toBe('healthy');
    expect(windowStatus(48, 2)).toBe('degraded');
  });
});

describe('hourly trend and uptime', () => {
  const now = new Date('2026-11-26T10:30:00Z');

  it('gives 24 hourly points ending with the current hour, gaps filled', () => {
    const trend = hourlyTrend(now, [{ hour: new Date('2026-11-26T09:00:00Z'), successes: 3, failures: 1 }]);
    expect(trend).toHaveLength(24);
    expect(trend[0].hour).toBe('2026-11-25T11:00:00.000Z');
    expect(trend[23]).toEqual({ hour: '2026-11-26T10:00:00.000Z', successes: 0, failures: 0 });
    expect(trend[22]).toEqual({ hour: '2026-11-26T09:00:00.000Z', successes: 3, failures: 1 });
  });

  it('counts the share of hours that were healthy', () => {
    const trend = hourlyTrend(now, [
      { hour: new Date('2026-11-26T09:00:00Z'), successes: 10, failures: 10 },
      { hour: new Date('2026-11-26T08:00:00Z'), successes: 100, failures: 1 },
    ]);
    expect(uptimePercent(trend)).toBeCloseTo((23 / 24) * 100, 5);
  });
});

describe('MTTD and MTTR (worked example)', () => {
  it('MTTD: failures that happened 90 s and 30 s before they were stored average 60 s', () => {
    const t = Date.parse('2026-11-26T10:00:00Z');
    const delays = [
      detectionDelaySeconds(new Date(t - 90_000), new Date(t)),
      detectionDelaySeconds(new Date(t - 30_000), new Date(t)),
    ];
    expect(delays).toEqual([90, 30]);
    expect(meanTimeToDetectSeconds({ totalSeconds: 120, count: 2 })).toBe(60);
    expect(meanTimeToDetectSeconds({ totalSeconds: 0, count: 0 })).toBeNull();
    expect(meanTimeToDetectSeconds(undefined)).toBeNull();
  });

  it('MTTR: issues resolved after 20 and 40 minutes average 30 minutes', () => {
    const opened = new Date('2026-11-26T10:00:00Z');
    expect(
      meanTimeToResolveSeconds([
        { openedAt: opened, resolvedAt: new Date('2026-11-26T10:20:00Z') },
        { openedAt: opened, resolvedAt: new Date('2026-11-26T10:40:00Z') },
      ]),
    ).toBe(1800);
    expect(meanTimeToResolveSeconds([])).toBeNull();
  });
});
