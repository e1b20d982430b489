import type { CrmCount, CrmPipeline } from '@switchyard/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { compactNumber } from '../../charts/chart-format';

/** Leads by source (donut) and by status (bars). */
export function leadsChart(bySource: readonly CrmCount[], byStatus: readonly CrmCount[]): EChartsCoreOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: '55%', right: 16, top: 16, bottom: 64 },
    xAxis: { type: 'category', data: byStatus.map((s) => s.key), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: 'Source',
        type: 'pie',
        radius: ['35%', '60%'],
        center: ['25%', '45%'],
        data: bySource.map((s) => ({ name: s.key, value: s.count })),
      },
      { name: 'Leads by status', type: 'bar', data: byStatus.map((s) => s.count) },
    ],
  };
}

/** Deals and value per stage, funnel order. */
export function pipelineStagesChart(pipeline: CrmPipeline): EChartsCoreOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 64, right: 64, top: 24, bottom: 72 },
    xAxis: { type: 'category', data: pipeline.stages.map((s) => s.stage), axisLabel: { rotate: 20 } },
    yAxis: [
      { type: 'value', name: 'Deals', minInterval: 1 },
      { type: 'value', name: 'Value', splitLine: { show: false }, axisLabel: { formatter: compactNumber } },
    ],
    series: [
      { name: 'Deals', type: 'bar', data: pipeline.stages.map((s) => s.count) },
      { name: 'Total value', type: 'line', yAxisIndex: 1, data: pipeline.stages.map((s) => s.totalValue) },
      { name: 'Weighted value', type: 'line', yAxisIndex: 1, data: pipeline.stages.map((s) => s.weightedValue) },
    ],
  };
}

/** Deals entering each stage per week, stacked: how the pipeline progresses. */
export function pipelineProgressionChart(pipeline: CrmPipeline): EChartsCoreOption {
  const weeks = pipeline.progression.map((w) => w.weekStart.slice(0, 10));
  const stages = pipeline.stages.map((s) => s.stage);
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: weeks },
    yAxis: { type: 'value', minInterval: 1 },
    series: stages.map((stage) => ({
      name: stage,
      type: 'bar',
      stack: 'entered',
      data: pipeline.progression.map((w) => w.entered.find((e) => e.stage === stage)?.count ?? 0),
    })),
  };
}
