import { INCIDENT_SEVERITIES, PROJECT_STATUSES, type Incident, type ProjectView } from '@switchyard/contracts';
import { LEAD_STATUS_TONE, leadSourceChart, leadStatusChart, stageColor } from '../features/crm/crm-charts';
import { PROJECT_STATUS_TONE, projectStatusChart } from '../features/portfolio/portfolio-charts';
import { SEVERITY_TONE, severityTimelineChart } from '../features/workplace/workplace-charts';
import { legendItems } from './chart-legend';
import { CATEGORY_COLORS, category, resolveColor, resolveColors, TONE_COLORS } from './palette';

const project = (status: ProjectView['status']) => ({ status, healthScore: 50 }) as ProjectView;

// The badges' side of this (their edge is drawn in the same colour, read from the page) is
// checked in the browser: e2e/browser/console-phone.spec.ts.
describe('one colour scale per meaning', () => {
  it('colours each project status in the chart like its badge in the table', () => {
    const chart = projectStatusChart(PROJECT_STATUSES.map(project));
    for (const theme of ['light', 'dark'] as const) {
      const legend = legendItems(chart, theme);
      expect(legend.map((l) => l.name)).toEqual([...PROJECT_STATUSES]);
      for (const item of legend) expect(item.color).toBe(TONE_COLORS[theme][PROJECT_STATUS_TONE[item.name]]);
    }
    // The contradiction of issue 25: "At Risk" is never green, "Completed" never red.
    expect(PROJECT_STATUS_TONE['At Risk']).toBe('warn');
    expect(PROJECT_STATUS_TONE.Completed).not.toBe('bad');
  });

  it('colours each incident severity in the chart like its badge, critical and high apart', () => {
    const incidents = INCIDENT_SEVERITIES.map(
      (severity) => ({ severity, reportedAt: '2026-11-26T10:00:00Z' }) as Incident,
    );
    for (const theme of ['light', 'dark'] as const) {
      const legend = legendItems(severityTimelineChart(incidents), theme);
      expect(legend.map((l) => l.name)).toEqual([...INCIDENT_SEVERITIES]);
      for (const item of legend)
        expect(item.color).toBe(TONE_COLORS[theme][SEVERITY_TONE[item.name as Incident['severity']]]);
      expect(new Set(legend.map((l) => l.color)).size).toBe(INCIDENT_SEVERITIES.length);
    }
  });

  it('colours lead statuses by their tone and pipeline outcomes by theirs', () => {
    const chart = resolveColors(
      leadStatusChart([
        { key: 'Converted', count: 2, share: null },
        { key: 'Lost', count: 1, share: null },
      ]),
      'light',
    ) as { series: { data: { itemStyle: { color: string } }[] }[] };
    expect(chart.series[0].data.map((d) => d.itemStyle.color)).toEqual([TONE_COLORS.light.ok, TONE_COLORS.light.bad]);
    expect(LEAD_STATUS_TONE.Converted).toBe('ok');
    expect(resolveColor(stageColor('Closed Won'), 'dark')).toBe(TONE_COLORS.dark.ok);
    expect(resolveColor(stageColor('Closed Lost'), 'dark')).toBe(TONE_COLORS.dark.bad);
  });

  it('gives a category the same colour whatever else the chart shows (stable across brands)', () => {
    const brandA = legendItems(
      leadSourceChart([
        { key: 'Referral', count: 3, share: null },
        { key: 'Website', count: 9, share: null },
      ]),
      'light',
    );
    const brandB = legendItems(
      leadSourceChart([
        { key: 'Event', count: 1, share: null },
        { key: 'Walk-in', count: 2, share: null },
        { key: 'Referral', count: 5, share: null },
      ]),
      'light',
    );
    expect(brandA.find((i) => i.name === 'Referral')?.color).toBe(brandB.find((i) => i.name === 'Referral')?.color);
    expect(resolveColor(category('Referral', ['Website', 'Referral']), 'dark')).toBe(CATEGORY_COLORS.dark[1]);
    expect(resolveColor(category('Unknown vendor'), 'light')).toBe(resolveColor(category('Unknown vendor'), 'light'));
  });

  it('keeps category colours apart from the status colours', () => {
    for (const theme of ['light', 'dark'] as const)
      for (const color of CATEGORY_COLORS[theme])
        expect(Object.values(TONE_COLORS[theme]).slice(0, 4)).not.toContain(color);
  });
});
