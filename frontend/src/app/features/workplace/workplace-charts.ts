import { INCIDENT_SEVERITIES, type Incident, type IncidentSeverity, type TeamStaffing } from '@switchyard/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { tone, type Tone } from '../../charts/palette';

/**
 * An incident severity's status colour, in the table's badge and in the chart alike: two
 * grades above warning, so critical (bad) and high (severe) read apart.
 */
export const SEVERITY_TONE: Record<IncidentSeverity, Tone> = {
  critical: 'bad',
  high: 'severe',
  medium: 'warn',
  low: 'neutral',
};

/** Headcount and open roles per team, stacked. */
export function headcountChart(teams: readonly TeamStaffing[]): EChartsCoreOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 72 },
    xAxis: { type: 'category', data: teams.map((t) => t.name), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Headcount', type: 'bar', stack: 'people', data: teams.map((t) => t.headcount) },
      { name: 'Open roles', type: 'bar', stack: 'people', data: teams.map((t) => t.openRoles) },
    ],
  };
}

export interface SeverityTimeline {
  days: string[];
  counts: Record<string, number[]>;
}

/** Incidents reported per UTC day and severity, oldest day first, days without incidents included. */
export function incidentsBySeverityPerDay(incidents: readonly Incident[]): SeverityTimeline {
  const dayOf = (iso: string) => iso.slice(0, 10);
  const days = [...new Set(incidents.map((i) => dayOf(i.reportedAt)))].sort();
  const allDays: string[] = [];
  if (days.length > 0) {
    for (let d = new Date(`${days[0]}T00:00:00Z`); dayOf(d.toISOString()) <= days[days.length - 1];) {
      allDays.push(dayOf(d.toISOString()));
      d = new Date(d.getTime() + 86_400_000);
    }
  }
  const counts: Record<string, number[]> = {};
  for (const severity of INCIDENT_SEVERITIES) {
    counts[severity] = allDays.map(
      (day) => incidents.filter((i) => i.severity === severity && dayOf(i.reportedAt) === day).length,
    );
  }
  return { days: allDays, counts };
}

export function severityTimelineChart(incidents: readonly Incident[]): EChartsCoreOption {
  const timeline = incidentsBySeverityPerDay(incidents);
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: timeline.days },
    yAxis: { type: 'value', minInterval: 1 },
    series: INCIDENT_SEVERITIES.map((severity) => ({
      name: severity,
      type: 'bar',
      stack: 'severity',
      itemStyle: { color: tone(SEVERITY_TONE[severity]) },
      data: timeline.counts[severity],
    })),
  };
}
