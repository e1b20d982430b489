import type { Freshness } from './freshness';

export const PORTFOLIOS = ['Technology', 'Operations', 'Business'] as const;
export type PortfolioName = (typeof PORTFOLIOS)[number];
export const PROJECT_STATUSES = ['On Track', 'At Risk', 'Behind Schedule', 'Critical', 'Completed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const RISK_LEVELS = ['Critical', 'High', 'Medium', 'Low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_STATUSES = ['Open', 'Mitigating', 'Closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const DATE_RANGES = ['1M', '3M', '6M', '1Y', 'YTD', 'Custom'] as const;
export type DateRange = (typeof DATE_RANGES)[number];

export interface MilestoneView {
  id: string;
  name: string;
  dueDate: string;
  completed: boolean;
  completedAt: string | null;
  overdue: boolean;
}

export interface ProjectView {
  id: string;
  name: string;
  portfolio: string;
  status: string;
  priority: string;
  owner: { name: string | null; email: string | null };
  team: string | null;
  budget: number;
  actualCost: number;
  percentComplete: number;
  plannedProgress: number;
  startDate: string | null;
  endDate: string | null;
  strategicGoal: string | null;
  milestones: MilestoneView[];
  /** 0–100; see docs/dashboards.md for the formula. */
  healthScore: number;
  /** The executive dashboard blueprint's score: the status score alone (On Track 100 … Critical 10). */
  blueprintHealthScore: number;
  /** Blueprint name of `owner.name`. */
  projectManager: string | null;
  /** Blueprint name of `strategicGoal` (the goal's id as the source stores it). */
  strategicGoalId: string | null;
  riskLevel: RiskLevel;
  /** (actual − budget) / budget × 100; null when the budget is 0. */
  budgetVariance: number | null;
  /** percent complete − planned progress, in percentage points. */
  scheduleVariance: number;
  openRisks: number;
  updatedAt: string | null;
  /** Blueprint name of `updatedAt`. */
  lastUpdated: string | null;
}

export interface FinancialSummary {
  totalBudget: number;
  totalActual: number;
  budgetVariance: number;
  budgetVariancePercent: number | null;
  weightedRoi: number | null;
  portfolioNpv: number;
  /** Blueprint name of `weightedRoi`. */
  weightedROI: number | null;
  /** Blueprint name of `portfolioNpv`. */
  portfolioNPV: number;
  costPerformanceIndex: number | null;
  schedulePerformanceIndex: number | null;
  forecastAccuracy: number | null;
}

export interface FinancialTrendPoint {
  month: string;
  budget: number;
  actual: number;
  forecast: number | null;
  cumulativeBudget: number;
  cumulativeActual: number;
}

export interface EarnedValue {
  projectId: string;
  /** The project's name; the financial-metrics answer always carries it, so screens show names, not ids. */
  projectName?: string;
  plannedValue: number;
  earnedValue: number;
  actualCost: number;
  scheduleVariance: number;
  costVariance: number;
  costPerformanceIndex: number | null;
  schedulePerformanceIndex: number | null;
}

export interface FinancialMetrics {
  range: { dateRange: DateRange; startDate: string; endDate: string };
  summary: FinancialSummary;
  trends: FinancialTrendPoint[];
  earnedValue: EarnedValue[];
  freshness: Freshness;
}

export interface RiskView {
  id: string;
  projectId: string;
  title: string;
  category: string | null;
  probability: number;
  impact: number;
  /** Band of `impact` (1–5): 5 Critical, 4 High, 3 Medium, 1–2 Low. */
  impactCategory: RiskLevel;
  score: number;
  level: RiskLevel;
  status: string;
  owner: string | null;
  mitigation: string | null;
  identifiedAt: string;
  closedAt: string | null;
  ageDays: number;
  /** Blueprint names of `score`, `identifiedAt`, `closedAt` and `ageDays`. */
  riskScore: number;
  dateIdentified: string;
  dateClosed: string | null;
  ageInDays: number;
  mitigationStatus: 'unmitigated' | 'in_progress' | 'mitigated';
  urgency: 'immediate' | 'high' | 'normal' | 'none';
}

export interface RiskAnalytics {
  total: number;
  open: number;
  critical: number;
  high: number;
  /** Share of risks being mitigated or closed, 0–100; null when there are none. */
  mitigationRate: number | null;
  averageScore: number | null;
  distribution: Record<RiskLevel, number>;
  ageAnalysis: { under30Days: number; from30To90Days: number; over90Days: number };
  trend: Array<{ month: string; identified: number; closed: number }>;
  /** Seed 001's names for `total`, `critical`, `high`, `averageScore`, `distribution` and `trend`. */
  totalRisks: number;
  criticalRisks: number;
  highRisks: number;
  averageRiskScore: number | null;
  riskDistribution: Record<RiskLevel, number>;
  riskTrend: Array<{ month: string; identified: number; closed: number }>;
}

export interface PortfolioAlert {
  id: string;
  kind: 'budget_overrun' | 'schedule_slip' | 'critical_risk' | 'milestone_overdue';
  severity: 'critical' | 'warning';
  projectId: string;
  projectName: string;
  message: string;
  value: number;
  threshold: number;
}

export interface DashboardKpis {
  portfolioHealthScore: number | null;
  budgetPerformanceIndex: number | null;
  schedulePerformanceIndex: number | null;
  riskExposure: number | null;
  strategicAlignmentRate: number | null;
  resourceUtilisation: number | null;
  /** Blueprint name of `riskExposure`. */
  riskExposureScore: number | null;
  /** Blueprint name of `resourceUtilisation`. */
  resourceUtilizationRate: number | null;
}

/** Month-end portfolio health; see docs/dashboards.md for which parts are historical. */
export interface HealthTrendPoint {
  month: string;
  healthScore: number | null;
}

/** Risks open at each month end (from identified and closed dates) and their exposure. */
export interface RiskTrendPoint {
  month: string;
  openRisks: number;
  exposureScore: number | null;
}

export interface DashboardTrends {
  healthTrend: HealthTrendPoint[];
  budgetTrend: FinancialTrendPoint[];
  riskTrend: RiskTrendPoint[];
}

export interface DashboardData {
  portfolio: PortfolioName | 'All';
  kpis: DashboardKpis;
  alerts: PortfolioAlert[];
  trends: DashboardTrends;
  topProjects: { atRisk: ProjectView[]; highPerforming: ProjectView[]; criticalPath: ProjectView[] };
  projectCount: number;
  freshness: Freshness;
  /** Send it back as `?refreshToken=` for a 304 while the figures are unchanged (the ETag's value). */
  refreshToken: string;
  /** Blueprint name of `generatedAt`. */
  timestamp: string;
}

/** One project with the freshness of the sources behind it (`GET /projects/:id`). */
export interface ProjectDetail extends ProjectView {
  freshness: Freshness;
  generatedAt: string;
}
