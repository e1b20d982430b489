import type { Incident } from '@switchyard/contracts';
import { incidentsBySeverityPerDay } from './workplace-charts';

const incident = (reportedAt: string, severity: Incident['severity']) => ({ reportedAt, severity }) as Incident;

describe('incidentsBySeverityPerDay', () => {
  it('counts per day and severity, filling days without incidents', () => {
    const timeline = incidentsBySeverityPerDay([
      incident('2026-11-24T09:00:00Z', 'high'),
      incident('2026-11-24T17:00:00Z', 'high'),
      incident('2026-11-26T08:00:00Z', 'critical'),
    ]);
    expect(timeline.days).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(timeline.counts['high']).toEqual([2, 0, 0]);
    expect(timeline.counts['critical']).toEqual([0, 0, 1]);
    expect(timeline.counts['low']).toEqual([0, 0, 0]);
  });

  it('is empty without incidents', () => {
    expect(incidentsBySeverityPerDay([]).days).toEqual([]);
  });
});
