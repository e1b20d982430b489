import type { ProjectView, RiskView } from '@switchyard/contracts';
import { healthTrend, lastMonths, riskTrend } from './dashboard-trends';

const project = {
  id: 'P1',
  status: 'On Track',
  budget: 1000,
  actualCost: 1500,
  percentComplete: 50,
  plannedProgress: 50,
} as ProjectView;

const risk = (identifiedAt: string, closedAt: string | null, score: number) =>
  ({ identifiedAt, closedAt, score, status: closedAt ? 'Closed' : 'Open' }) as RiskView;

describe('dashboard trends', () => {
  it('lists the last six months, current last', () => {
    expect(lastMonths(new Date('2026-03-15T00:00:00Z'))).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('takes the budget part of health from the entries up to each month', () => {
    const entries = [
      {
        projectId: 'P1',
        month: '2026-01-01',
        budget: 100,
        actual: 100,
        forecast: null,
        roi: null,
        cashFlow: null,
        discountRate: null,
      },
      {
        projectId: 'P1',
        month: '2026-02-01',
        budget: 100,
        actual: 200,
        forecast: null,
        roi: null,
        cashFlow: null,
        discountRate: null,
      },
    ];
    // January on budget: 50 + 25 + 25; February 50 % over: budget part 0; before any entry: today's 50 % over.
    expect(healthTrend([project], entries, ['2025-12', '2026-01', '2026-02'])).toEqual([
      { month: '2025-12', healthScore: 75 },
      { month: '2026-01', healthScore: 100 },
      { month: '2026-02', healthScore: 75 },
    ]);
  });

  it('counts risks open at each month end from their identified and closed dates', () => {
    const risks = [
      risk('2026-01-10T00:00:00.000Z', null, 20),
      risk('2026-01-05T00:00:00.000Z', '2026-02-03T00:00:00.000Z', 10),
    ];
    expect(riskTrend(risks, ['2025-12', '2026-01', '2026-02'])).toEqual([
      { month: '2025-12', openRisks: 0, exposureScore: null },
      { month: '2026-01', openRisks: 2, exposureScore: 60 },
      { month: '2026-02', openRisks: 1, exposureScore: 80 },
    ]);
  });
});
