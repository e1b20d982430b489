import type { IntegrationHealth, IntegrationHealthStatus } from '@switchyard/contracts';
import type { EChartsCoreOption } from 'echarts/core';

export const STATUS_TONE: Record<IntegrationHealthStatus, 'ok' | 'warn' | 'bad'> = {
  healthy: 'ok',
  degraded: 'warn',
  down: 'bad',
};

/** 95 → "1 min 35 s"; a dash for a missing one. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** 0.75 → "75 %"; a dash when nobody gave feedback yet. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)} %`;
}

/** Hourly success rate of each integration over the trend window. */
export function successTrendChart(items: readonly IntegrationHealth[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 48, bottom: 32 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: items.map((item) => ({
      name: item.name,
      type: 'line',
      showSymbol: false,
      connectNulls: false,
      data: item.trend.map((p) => {
        const total = p.successes + p.failures;
        return [Date.parse(p.hour), total === 0 ? null : Math.round((p.successes / total) * 1000) / 10];
      }),
    })),
  };
}
