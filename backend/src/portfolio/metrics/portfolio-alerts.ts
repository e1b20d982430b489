import type { PortfolioAlert, ProjectView, RiskView } from '@switchyard/contracts';

export interface AlertThresholds {
  budgetOverrunPercent: number;
  scheduleSlipPoints: number;
  criticalRiskScore: number;
}

/**
 * Alerts derived from portfolio data, most important first: critical before warning,
 * then by how far past its threshold each is. Twice a threshold makes a warning critical.
 */
export function portfolioAlerts(
  projects: ProjectView[],
  risks: RiskView[],
  thresholds: AlertThresholds,
  today: string,
): PortfolioAlert[] {
  const alerts: PortfolioAlert[] = [];
  const byId = new Map(projects.map((p) => [p.id, p]));
  for (const p of projects.filter((p) => p.status !== 'Completed')) {
    const overrun = p.budgetVariance ?? 0;
    if (overrun > thresholds.budgetOverrunPercent) {
      alerts.push(
        alert(
          'budget_overrun',
          p,
          overrun,
          thresholds.budgetOverrunPercent,
          `${p.name} is ${overrun.toFixed(1)} % over budget`,
        ),
      );
    }
    const slip = -p.scheduleVariance;
    if (slip > thresholds.scheduleSlipPoints) {
      alerts.push(
        alert(
          'schedule_slip',
          p,
          slip,
          thresholds.scheduleSlipPoints,
          `${p.name} is ${slip.toFixed(1)} points behind plan`,
        ),
      );
    }
    for (const m of p.milestones.filter((m) => !m.completed && m.dueDate < today)) {
      alerts.push({
        ...alert('milestone_overdue', p, 1, 0, `${p.name}: milestone "${m.name}" was due ${m.dueDate}`),
        id: `milestone_overdue:${p.id}:${m.id}`,
        severity: 'warning',
      });
    }
  }
  for (const r of risks.filter((r) => r.status !== 'Closed' && r.score >= thresholds.criticalRiskScore)) {
    const p = byId.get(r.projectId);
    if (!p) continue;
    alerts.push({
      ...alert(
        'critical_risk',
        p,
        r.score,
        thresholds.criticalRiskScore,
        `${p.name}: critical risk "${r.title}" (score ${r.score})`,
      ),
      id: `critical_risk:${r.id}`,
      severity: 'critical',
    });
  }
  return alerts.sort((a, b) => rank(b) - rank(a) || a.id.localeCompare(b.id));
}

function alert(
  kind: PortfolioAlert['kind'],
  p: ProjectView,
  value: number,
  threshold: number,
  message: string,
): PortfolioAlert {
  const severity = threshold > 0 && value > threshold * 2 ? 'critical' : 'warning';
  return {
    id: `${kind}:${p.id}`,
    kind,
    severity,
    projectId: p.id,
    projectName: p.name,
    message,
    value: Math.round(value * 10) / 10,
    threshold,
  };
}

function rank(a: PortfolioAlert): number {
  const excess = a.threshold > 0 ? a.value / a.threshold : 1;
  return (a.severity === 'critical' ? 1000 : 0) + excess;
}
