import type { DepartmentScorecard } from '@switchyard/contracts';
import type { EChartsCoreOption } from 'echarts/core';

/** Department scorecards side by side: headcount, open roles, open incidents and open tasks. */
export function scorecardChart(departments: readonly DepartmentScorecard[]): EChartsCoreOption {
  const names = departments.map((d) => d.name);
  const series = (name: string, pick: (d: DepartmentScorecard) => number) => ({
    name,
    type: 'bar',
    data: departments.map(pick),
  });
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, overflow: 'truncate', width: 90 } },
    yAxis: { type: 'value' },
    series: [
      series('Headcount', (d) => d.metrics.headcount),
      series('Open roles', (d) => d.metrics.openRoles),
      series('Open incidents', (d) => d.metrics.openIncidents),
      series('Open tasks', (d) => d.metrics.openTasks),
    ],
  };
}
