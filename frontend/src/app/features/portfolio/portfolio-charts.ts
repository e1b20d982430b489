import {
  PROJECT_STATUSES,
  RISK_LEVELS,
  type EarnedValue,
  type FinancialTrendPoint,
  type ProjectView,
  type RiskView,
} from '@switchyard/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { compactNumber } from '../../charts/chart-format';
import { tone, type Tone } from '../../charts/palette';

/** The tone of each project status, shared by the table badges and the status chart. */
export const PROJECT_STATUS_TONE: Record<ProjectView['status'], Tone> = {
  'On Track': 'ok',
  Completed: 'info',
  'At Risk': 'warn',
  'Behind Schedule': 'warn',
  Critical: 'bad',
};

const HEALTH_BANDS = ['0–39', '40–59', '60–79', '80–100'] as const;

/** Health score band of a project: the buckets of the health distribution. */
export function healthBand(score: number): (typeof HEALTH_BANDS)[number] {
  if (score < 40) return '0–39';
  if (score < 60) return '40–59';
  if (score < 80) return '60–79';
  return '80–100';
}

/** Projects per status, a donut in the status colours of the table badges. */
export function projectStatusChart(projects: readonly ProjectView[]): EChartsCoreOption {
  const statusCounts = PROJECT_STATUSES.map((status) => ({
    name: status,
    value: projects.filter((p) => p.status === status).length,
    itemStyle: { color: tone(PROJECT_STATUS_TONE[status]) },
  })).filter((s) => s.value > 0);
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item' },
    series: [{ name: 'Status', type: 'pie', radius: ['40%', '68%'], center: ['50%', '50%'], data: statusCounts }],
  };
}

/** Projects per health-score band. */
export function healthBandChart(projects: readonly ProjectView[]): EChartsCoreOption {
  const bandCounts = HEALTH_BANDS.map((band) => projects.filter((p) => healthBand(p.healthScore) === band).length);
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 40 },
    xAxis: { type: 'category', data: [...HEALTH_BANDS], name: 'Health score', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: 'Projects by health score', type: 'bar', data: bandCounts }],
  };
}

/** Budget against actual per month, with cumulative lines: the earned-value trend's cost side. */
export function budgetActualChart(trends: readonly FinancialTrendPoint[]): EChartsCoreOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 56, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: trends.map((t) => t.month) },
    yAxis: [
      { type: 'value', name: 'Monthly', axisLabel: { formatter: compactNumber } },
      { type: 'value', name: 'Cumulative', splitLine: { show: false }, axisLabel: { formatter: compactNumber } },
    ],
    series: [
      { name: 'Budget', type: 'bar', data: trends.map((t) => t.budget) },
      { name: 'Actual', type: 'bar', data: trends.map((t) => t.actual) },
      { name: 'Cumulative budget', type: 'line', yAxisIndex: 1, data: trends.map((t) => t.cumulativeBudget) },
      { name: 'Cumulative actual', type: 'line', yAxisIndex: 1, data: trends.map((t) => t.cumulativeActual) },
    ],
  };
}

/** Planned value, earned value and actual cost per project. */
export function earnedValueChart(rows: readonly EarnedValue[]): EChartsCoreOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 64, right: 16, top: 24, bottom: 56 },
    // Category labels are thinned automatically when they would overlap.
    xAxis: { type: 'category', data: rows.map((r) => r.projectName ?? r.projectId) },
    yAxis: { type: 'value', axisLabel: { formatter: compactNumber } },
    series: [
      { name: 'Planned value', type: 'bar', data: rows.map((r) => r.plannedValue) },
      { name: 'Earned value', type: 'bar', data: rows.map((r) => r.earnedValue) },
      { name: 'Actual cost', type: 'line', data: rows.map((r) => r.actualCost) },
    ],
  };
}

/** Risk counts per (probability, impact) cell, 1–5 on both axes. */
export function riskMatrix(risks: readonly RiskView[]): Array<[number, number, number]> {
  const cells: Array<[number, number, number]> = [];
  for (let p = 1; p <= 5; p += 1)
    for (let i = 1; i <= 5; i += 1) {
      cells.push([p - 1, i - 1, risks.filter((r) => clamp(r.probability) === p && clamp(r.impact) === i).length]);
    }
  return cells;
}

function clamp(value: number): number {
  return Math.min(5, Math.max(1, Math.round(value)));
}

/** Risk heat map, probability × impact. */
export function riskHeatMapChart(risks: readonly RiskView[]): EChartsCoreOption {
  const cells = riskMatrix(risks);
  const max = Math.max(1, ...cells.map((c) => c[2]));
  const scale = ['1', '2', '3', '4', '5'];
  return {
    aria: { enabled: true },
    tooltip: { position: 'top' },
    grid: { left: 64, right: 16, top: 16, bottom: 80 },
    xAxis: { type: 'category', data: scale, name: 'Probability', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: scale, name: 'Impact', nameLocation: 'middle', nameGap: 36 },
    visualMap: {
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#e8f1f8', '#f0b24a', '#b3261e'] },
    },
    series: [{ name: 'Risks', type: 'heatmap', data: cells, label: { show: true } }],
  };
}

/** Risks per level, for the distribution summary. */
export function riskLevelCounts(risks: readonly RiskView[]): Array<{ level: string; count: number }> {
  return RISK_LEVELS.map((level) => ({ level, count: risks.filter((r) => r.level === level).length }));
}
