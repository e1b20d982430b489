import { ApiProperty } from '@nestjs/swagger';
import {
  PORTFOLIOS,
  RISK_LEVELS,
  type DashboardData,
  type FinancialMetrics,
  type Page,
  type ProjectView,
  type RiskView,
  type ProjectDetail,
} from '@switchyard/contracts';
import { PageModel, TimestampedModel } from '../../common';
import { FreshnessModel } from '../../sources/dto/source.models';

const object = (description: string, example?: unknown) =>
  ({ type: 'object', additionalProperties: true, description, example }) as const;

export class ProjectModel implements ProjectView {
  @ApiProperty({ example: 'PRJ-1001' }) id!: string;
  @ApiProperty({ example: 'HQ Retrofit' }) name!: string;
  @ApiProperty({ example: 'Operations' }) portfolio!: string;
  @ApiProperty({ example: 'At Risk' }) status!: string;
  @ApiProperty({ example: 'High' }) priority!: string;
  @ApiProperty(object('Owner name and email.', { name: 'Dana Lee', email: 'dana@example.com' }))
  owner!: ProjectView['owner'];
  @ApiProperty({ type: String, nullable: true }) team!: string | null;
  @ApiProperty() budget!: number;
  @ApiProperty() actualCost!: number;
  @ApiProperty() percentComplete!: number;
  @ApiProperty() plannedProgress!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) strategicGoal!: string | null;
  @ApiProperty({ type: 'array', items: object('Milestone with overdue flag.') }) milestones!: ProjectView['milestones'];
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description: '0.5 × status score + 0.25 × budget score + 0.25 × schedule score.',
  })
  healthScore!: number;
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description: 'The executive dashboard blueprint’s score: status score alone (On Track 100 … Critical 10).',
  })
  blueprintHealthScore!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Blueprint name of owner.name.' })
  projectManager!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Blueprint name of strategicGoal.' })
  strategicGoalId!: string | null;
  @ApiProperty({ enum: RISK_LEVELS, description: 'From the highest open risk score.' })
  riskLevel!: ProjectView['riskLevel'];
  @ApiProperty({ type: Number, nullable: true, description: '(actual − budget) / budget × 100.' }) budgetVariance!:
    number | null;
  @ApiProperty({ description: 'percentComplete − plannedProgress.' }) scheduleVariance!: number;
  @ApiProperty() openRisks!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Blueprint name of updatedAt.' })
  lastUpdated!: string | null;
}

export class ProjectDetailModel extends ProjectModel implements ProjectDetail {
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class ProjectPageModel extends PageModel implements Page<ProjectView> {
  @ApiProperty({ type: [ProjectModel] }) items!: ProjectModel[];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class FinancialMetricsModel extends TimestampedModel implements FinancialMetrics {
  @ApiProperty(object('The months covered.', { dateRange: '3M', startDate: '2026-09-01', endDate: '2026-11-01' }))
  range!: FinancialMetrics['range'];
  @ApiProperty(
    object(
      'Totals, variance, weighted ROI, NPV, CPI, SPI and forecast accuracy (null when undefined); weightedROI and ' +
        'portfolioNPV repeat weightedRoi and portfolioNpv under the blueprint’s names.',
    ),
  )
  summary!: FinancialMetrics['summary'];
  @ApiProperty({ type: 'array', items: object('Month with budget, actual, forecast and running totals.') })
  trends!: FinancialMetrics['trends'];
  @ApiProperty({ type: 'array', items: object('PV, EV, AC, SV, CV, CPI and SPI per project.') })
  earnedValue!: FinancialMetrics['earnedValue'];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class RiskPageModel extends PageModel implements Page<RiskView> {
  @ApiProperty({
    type: 'array',
    items: object(
      'Risk with level, impactCategory (impact 5 Critical, 4 High, 3 Medium, 1–2 Low), age in days, mitigation ' +
        'status and urgency; riskScore, dateIdentified, dateClosed and ageInDays repeat score, identifiedAt, ' +
        'closedAt and ageDays under the blueprint’s names.',
    ),
  })
  items!: Page<RiskView>['items'];
  @ApiProperty(
    object(
      'Totals, mitigation rate, average score, distribution, age analysis and 6-month trend; totalRisks, ' +
        'criticalRisks, highRisks, averageRiskScore, riskDistribution and riskTrend repeat them under the ' +
        'blueprint’s names.',
    ),
  )
  analytics!: unknown;
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class DashboardDataModel extends TimestampedModel implements DashboardData {
  @ApiProperty({ enum: [...PORTFOLIOS, 'All'], example: 'All' }) portfolio!: DashboardData['portfolio'];
  @ApiProperty(
    object(
      'Portfolio health, budget and schedule performance indices, risk exposure, strategic alignment, resource utilisation.',
    ),
  )
  kpis!: DashboardData['kpis'];
  @ApiProperty({
    type: 'array',
    items: object('Budget overrun, schedule slip, critical risk or overdue milestone, most important first.'),
  })
  alerts!: DashboardData['alerts'];
  @ApiProperty(
    object(
      'healthTrend (month-end health; budget part historical, status and schedule today’s), budgetTrend (monthly ' +
        'budget and actual) and riskTrend (risks open at each month end and their exposure), last 6 months.',
    ),
  )
  trends!: DashboardData['trends'];
  @ApiProperty(object('Top projects: at risk, high performing, critical path.'))
  topProjects!: DashboardData['topProjects'];
  @ApiProperty() projectCount!: number;
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
  @ApiProperty({ description: 'Send back as ?refreshToken= for a 304 while nothing changed (the ETag’s value).' })
  refreshToken!: string;
  @ApiProperty({ format: 'date-time', description: 'Blueprint name of generatedAt.' }) timestamp!: string;
}
