import type { RiskAnalytics, RiskLevel, RiskView } from '@switchyard/contracts';
import { impactCategoryOf, ratio, riskLevelOf, round } from './project-metrics';

export interface RiskFigures {
  id: string;
  projectId: string;
  title: string;
  category: string | null;
  probability: number;
  impact: number;
  score: number;
  status: string;
  owner: string | null;
  mitigation: string | null;
  identifiedAt: Date;
  closedAt: Date | null;
}

const DAY_MS = 86_400_000;

export function toRiskView(r: RiskFigures, now: Date): RiskView {
  const level = riskLevelOf(r.score);
  const ageDays = Math.max(0, Math.floor(((r.closedAt ?? now).getTime() - r.identifiedAt.getTime()) / DAY_MS));
  const closed = r.status === 'Closed';
  return {
    id: r.id,
    projectId: r.projectId,
    title: r.title,
    category: r.category,
    probability: r.probability,
    impact: r.impact,
    impactCategory: impactCategoryOf(r.impact),
    score: r.score,
    level,
    status: r.status,
    owner: r.owner,
    mitigation: r.mitigation,
    identifiedAt: r.identifiedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    ageDays,
    riskScore: r.score,
    dateIdentified: r.identifiedAt.toISOString(),
    dateClosed: r.closedAt?.toISOString() ?? null,
    ageInDays: ageDays,
    mitigationStatus: closed ? 'mitigated' : r.status === 'Mitigating' ? 'in_progress' : 'unmitigated',
    // Critical and untouched is for today; critical or high and not closed is for this week.
    urgency: closed
      ? 'none'
      : level === 'Critical' && r.status === 'Open'
        ? 'immediate'
        : level === 'Critical' || level === 'High'
          ? 'high'
          : 'normal',
  };
}

/** Analytics over risks: counts, mitigation rate, average score, distribution, ages of open risks, 6-month trend. */
export function analyze(risks: RiskView[], now: Date): RiskAnalytics {
  const open = risks.filter((r) => r.status !== 'Closed');
  const distribution: Record<RiskLevel, number> = { Critical: 0, High: 0, Medium: 0, Low: 0 };
  for (const r of risks) distribution[r.level] += 1;
  const months = Array.from({ length: 6 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5 + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  const critical = open.filter((r) => r.level === 'Critical').length;
  const high = open.filter((r) => r.level === 'High').length;
  const averageScore = round(
    ratio(
      risks.reduce((s, r) => s + r.score, 0),
      risks.length,
    ),
  );
  const trend = months.map((month) => ({
    month,
    identified: risks.filter((r) => r.identifiedAt.startsWith(month)).length,
    closed: risks.filter((r) => r.closedAt?.startsWith(month)).length,
  }));
  return {
    total: risks.length,
    open: open.length,
    critical,
    high,
    mitigationRate: round(ratio(risks.filter((r) => r.mitigationStatus !== 'unmitigated').length * 100, risks.length)),
    averageScore,
    distribution,
    ageAnalysis: {
      under30Days: open.filter((r) => r.ageDays < 30).length,
      from30To90Days: open.filter((r) => r.ageDays >= 30 && r.ageDays <= 90).length,
      over90Days: open.filter((r) => r.ageDays > 90).length,
    },
    trend,
    totalRisks: risks.length,
    criticalRisks: critical,
    highRisks: high,
    averageRiskScore: averageScore,
    riskDistribution: distribution,
    riskTrend: trend,
  };
}
