import type { ProjectView, RiskView } from '@switchyard/contracts';
import { portfolioAlerts } from './portfolio-alerts';

const thresholds = { budgetOverrunPercent: 10, scheduleSlipPoints: 10, criticalRiskScore: 15 };

function project(id: string, overrides: Partial<ProjectView> = {}): ProjectView {
  return {
    id,
    name: id,
    portfolio: 'Technology',
    status: 'On Track',
    priority: 'High',
    owner: { name: null, email: null },
    team: 'eng-platform',
    budget: 100,
    actualCost: 100,
    percentComplete: 50,
    plannedProgress: 50,
    startDate: null,
    endDate: null,
    strategicGoal: null,
    strategicGoalId: null,
    projectManager: null,
    milestones: [],
    healthScore: 100,
    blueprintHealthScore: 100,
    riskLevel: 'Low',
    budgetVariance: 0,
    scheduleVariance: 0,
    openRisks: 0,
    updatedAt: null,
    lastUpdated: null,
    ...overrides,
  };
}

const risk = (id: string, projectId: string, score: number, status = 'Open'): RiskView =>
  ({ id, projectId, title: id, score, status, level: 'Critical' }) as RiskView;

describe('portfolio alerts (worked examples)', () => {
  it('warns past a threshold and turns critical past twice the threshold', () => {
    const alerts = portfolioAlerts(
      [
        project('A', { budgetVariance: 12 }),
        project('B', { budgetVariance: 25 }),
        project('C', { scheduleVariance: -15 }),
      ],
      [],
      thresholds,
      '2026-11-26',
    );
    expect(alerts.map((a) => [a.id, a.severity])).toEqual([
      ['budget_overrun:B', 'critical'],
      ['schedule_slip:C', 'warning'],
      ['budget_overrun:A', 'warning'],
    ]);
  });

  it('flags open risks at the critical score and overdue milestones, not closed or completed work', () => {
    const milestones = [
      { id: 'm1', name: 'Design', dueDate: '2026-11-01', completed: false, completedAt: null, overdue: true },
      { id: 'm2', name: 'Build', dueDate: '2026-10-01', completed: true, completedAt: '2026-09-30', overdue: false },
    ];
    const alerts = portfolioAlerts(
      [project('A', { milestones }), project('D', { status: 'Completed', budgetVariance: 50 })],
      [risk('R1', 'A', 16), risk('R2', 'A', 20, 'Closed'), risk('R3', 'A', 14)],
      thresholds,
      '2026-11-26',
    );
    expect(alerts.map((a) => a.id)).toEqual(['critical_risk:R1', 'milestone_overdue:A:m1']);
  });
});
