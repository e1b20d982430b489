import type {
  AlertRule,
  MetricForecast,
  MetricSeries,
  OpsModuleClock,
  OpsModuleKey,
  OpsSnapshot,
} from '@switchyard/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { moduleFigures, type Figure } from './ops-figures';

/** One snapshot module as a card: its heading, its figures with units, and its own data clock. */
export interface ModuleCard {
  key: OpsModuleKey;
  heading: string;
  figures: Figure[];
  clock: OpsModuleClock | null;
}

const MODULE_HEADINGS: [OpsModuleKey, string][] = [
  ['executiveSummary', 'Executive summary'],
  ['systemHealth', 'System health'],
  ['businessMetrics', 'Business'],
  ['workflowPerformance', 'Workflow'],
  ['customerIntelligence', 'Customer'],
  ['securityCompliance', 'Security and compliance'],
];

/** The modules the snapshot carries for this user's roles, in a fixed order. */
export function moduleCards(
  snapshot: OpsSnapshot,
  rules: readonly AlertRule[] = [],
  units: ReadonlyMap<string, string | null> = new Map(),
  locale?: string,
): ModuleCard[] {
  const cards: ModuleCard[] = [];
  for (const [key, heading] of MODULE_HEADINGS) {
    const module = snapshot[key] as Record<string, unknown> | undefined;
    if (!module || typeof module !== 'object') continue;
    cards.push({
      key,
      heading,
      figures: moduleFigures(module, rules, locale, units),
      clock: snapshot.moduleClocks?.[key] ?? null,
    });
  }
  return cards;
}

const time = (iso: string) => Date.parse(iso);

/**
 * The forecast asked beside a chart window: steps like the window's (the API takes 60 s to 1 h),
 * reaching half the window ahead, at most 30 steps.
 */
export function forecastPlan(window: { seconds: number; step: number }): { horizon: number; step: number } {
  const step = Math.min(3600, Math.max(60, window.step));
  return { step, horizon: Math.max(1, Math.min(30, Math.round(window.seconds / 2 / step))) };
}

/** The metric's recent buckets, the rule's thresholds as flat lines, and the forecast with its band. */
export function metricChart(
  series: MetricSeries,
  forecast: MetricForecast | null,
  rule: AlertRule | undefined,
): EChartsCoreOption {
  const actual = series.buckets.map((b) => [time(b.at), b.avg]);
  const points = forecast?.points ?? [];
  const start = actual[0]?.[0] ?? Date.now();
  const end = points.length > 0 ? time(points[points.length - 1].at) : (actual[actual.length - 1]?.[0] ?? Date.now());
  const flat = (value: number) => [
    [start, value],
    [end, value],
  ];
  const lines: object[] = [
    { name: series.metric, type: 'line', showSymbol: false, data: actual },
    {
      name: 'Forecast',
      type: 'line',
      showSymbol: false,
      lineStyle: { type: 'dashed' },
      data: points.map((p) => [time(p.at), p.value]),
    },
    {
      name: 'Forecast band',
      type: 'line',
      stack: 'band',
      showSymbol: false,
      lineStyle: { opacity: 0 },
      data: points.map((p) => [time(p.at), p.lower]),
      tooltip: { show: false },
    },
    {
      name: 'Forecast band ',
      type: 'line',
      stack: 'band',
      showSymbol: false,
      lineStyle: { opacity: 0 },
      areaStyle: { opacity: 0.25 },
      data: points.map((p) => [time(p.at), p.upper - p.lower]),
      tooltip: { show: false },
    },
  ];
  if (rule) {
    lines.push(
      {
        name: `Warning (${rule.warning})`,
        type: 'line',
        showSymbol: false,
        lineStyle: { type: 'dotted', color: '#b7791f' },
        itemStyle: { color: '#b7791f' },
        data: flat(rule.warning),
      },
      {
        name: `Critical (${rule.critical})`,
        type: 'line',
        showSymbol: false,
        lineStyle: { type: 'dotted', color: '#c53030' },
        itemStyle: { color: '#c53030' },
        data: flat(rule.critical),
      },
    );
  }
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: lines.map((l) => (l as { name: string }).name).filter((n) => n !== 'Forecast band ') },
    grid: { left: 48, right: 16, top: 48, bottom: 32 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true },
    series: lines,
  };
}
