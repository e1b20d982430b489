import type { SyncRun } from '@switchyard/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { runStatusWords } from './source-triage';

/** Failed runs: marked on the chart as outages. */
const OUTAGE = new Set(['failed', 'skipped_breaker_open']);

/**
 * Response time (run duration, ms) and records per run over the runs on screen, oldest first,
 * with failed runs marked as outage bars on the time axis.
 */
export function runChart(runs: readonly SyncRun[]): EChartsCoreOption | null {
  const finished = runs
    .filter((r) => r.finishedAt !== null)
    .sort((a, b) => Date.parse(a.queuedAt) - Date.parse(b.queuedAt));
  if (finished.length === 0) return null;
  const at = (r: SyncRun) => Date.parse(r.startedAt ?? r.queuedAt);
  const outages = finished.filter((r) => OUTAGE.has(r.status));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['Response time (ms)', 'Records per run', 'Failed run'] },
    grid: { left: 56, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'time' },
    yAxis: [
      { type: 'value', name: 'ms', min: 0 },
      { type: 'value', name: 'records', min: 0, splitLine: { show: false } },
    ],
    series: [
      {
        name: 'Response time (ms)',
        type: 'line',
        data: finished.map((r) => [at(r), r.durationMs]),
      },
      {
        name: 'Records per run',
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 8,
        data: finished.map((r) => [at(r), r.recordsFetched]),
      },
      {
        name: 'Failed run',
        type: 'line',
        showSymbol: true,
        symbol: 'triangle',
        symbolSize: 10,
        lineStyle: { opacity: 0 },
        itemStyle: { color: '#b3261e' },
        data: outages.map((r) => ({ value: [at(r), 0], name: `${runStatusWords(r.status)}: ${r.errorMessage ?? ''}` })),
      },
    ],
  };
}
