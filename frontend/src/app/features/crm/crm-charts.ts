import { CRM_LEAD_SOURCES, CRM_PIPELINE_STAGES, type CrmCount, type CrmPipeline } from '@switchyard/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { compactNumber } from '../../charts/chart-format';
import { category, tone, type Tone } from '../../charts/palette';

/** Lead statuses as states: converted is good, lost is bad, the open ones are in progress. */
export const LEAD_STATUS_TONE: Record<string, Tone> = {
  New: 'info',
  Contacted: 'info',
  Qualified: 'info',
  Unqualified: 'neutral',
  Converted: 'ok',
  Lost: 'bad',
};

/** The closed pipeline stages are outcomes and take the outcome colours; the open ones are categories. */
export function stageColor(stage: string): string {
  if (stage === 'Closed Won') return tone('ok');
  if (stage === 'Closed Lost') return tone('bad');
  return category(stage, CRM_PIPELINE_STAGES);
}

/** Leads by source: a donut, each source in its own colour for every brand. */
export function leadSourceChart(bySource: readonly CrmCount[]): EChartsCoreOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item' },
    series: [
      {
        name: 'Source',
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '50%'],
        data: bySource.map((s) => ({
          name: s.key,
          value: s.count,
          itemStyle: { color: category(s.key, CRM_LEAD_SOURCES) },
        })),
      },
    ],
  };
}

/** Leads by status: one bar each, in the status's tone. */
export function leadStatusChart(byStatus: readonly CrmCount[]): EChartsCoreOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: byStatus.map((s) => s.key), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: 'Leads by status',
        type: 'bar',
        data: byStatus.map((s) => ({
          value: s.count,
          itemStyle: { color: tone(LEAD_STATUS_TONE[s.key] ?? 'neutral') },
        })),
      },
    ],
  };
}

/** Deals and value per stage, funnel order. */
export function pipelineStagesChart(pipeline: CrmPipeline): EChartsCoreOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 56, top: 32, bottom: 56 },
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
    grid: { left: 40, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: weeks },
    yAxis: { type: 'value', minInterval: 1 },
    series: stages.map((stage) => ({
      name: stage,
      type: 'bar',
      stack: 'entered',
      itemStyle: { color: stageColor(stage) },
      data: pipeline.progression.map((w) => w.entered.find((e) => e.stage === stage)?.count ?? 0),
    })),
  };
}
