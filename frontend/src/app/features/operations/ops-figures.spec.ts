import type { AlertRule } from '@switchyard/contracts';
import { FIGURES, formatFigure, kindOfUnit, moduleFigures, thresholdTone } from './ops-figures';

const rule = (overrides: Partial<AlertRule>): AlertRule =>
  ({
    id: 'cpu',
    name: 'CPU',
    metric: 'cpu_usage',
    warning: 70,
    critical: 90,
    direction: 'above',
    holdSeconds: 0,
    noDataAfterSeconds: 300,
    alertOnNoData: false,
    labels: {},
    enabled: true,
    ...overrides,
  }) as AlertRule;

describe('operations figures: each metric family with its unit', () => {
  it('percent', () => {
    expect(formatFigure('percent', 52.7)).toBe('52.7 %');
    expect(formatFigure('percent', 99.987)).toBe('100 %');
  });

  it('milliseconds, switching to seconds for long times', () => {
    expect(formatFigure('ms', 256)).toBe('256 ms');
    expect(formatFigure('ms', 12_345)).toBe('12.3 s');
  });

  it('currency with the locale', () => {
    expect(formatFigure('currency', 32891.56)).toBe('$32,891.56');
    expect(formatFigure('currency', 383598.57, 'de-DE').replace(/\s/g, ' ')).toBe('383.598,57 $');
  });

  it('seconds, switching to minutes for long times', () => {
    expect(formatFigure('seconds', 42.25)).toBe('42.3 s');
    expect(formatFigure('seconds', 300)).toBe('5 min');
  });

  it("takes the metric's own unit from its metadata over the dictionary's guess", () => {
    const units = new Map([
      ['average_execution_time', 'seconds'],
      ['mrr', 'EUR'],
      ['throughput_per_hour', 'count'],
    ]);
    const figures = moduleFigures(
      { averageExecutionTime: 42, mrr: 1000.5, throughputPerHour: 820 },
      [],
      'en-US',
      units,
    );
    expect(figures.map((f) => f.value)).toEqual(['42 s', '€1,000.50', '820 / h']);
    expect(kindOfUnit('percent')).toEqual({ kind: 'percent' });
    expect(kindOfUnit('furlongs')).toBeNull();
  });

  it('counts, rates and scores', () => {
    expect(formatFigure('count', 1204)).toBe('1,204');
    expect(formatFigure('rate', 84.25, 'en-US', '/ min')).toBe('84.3 / min');
    expect(formatFigure('score', 87.46)).toBe('87.5 / 100');
  });

  it('statuses in words, and a dash for a missing value', () => {
    expect(formatFigure('status', 'critical')).toBe('Critical');
    expect(formatFigure('count', null)).toBe('—');
  });

  it('labels come from the dictionary, not from the field name', () => {
    expect(FIGURES['cpuUsage'].label).toBe('CPU usage');
    expect(FIGURES['mrr'].label).toContain('MRR');
    expect(moduleFigures({ someNewField: 3 }, [])).toEqual([
      { label: 'Some new field', value: '3', tone: null, hint: null },
    ]);
  });

  it('colours a figure by its alert rule, in either direction', () => {
    expect(thresholdTone(50, rule({}))).toBe('ok');
    expect(thresholdTone(75, rule({}))).toBe('warn');
    expect(thresholdTone(95, rule({}))).toBe('bad');
    expect(thresholdTone(40, rule({ direction: 'below', warning: 60, critical: 30 }))).toBe('warn');
    const [cpu] = moduleFigures({ cpuUsage: 95 }, [rule({})]);
    expect(cpu).toEqual({
      label: 'CPU usage',
      value: '95 %',
      tone: 'bad',
      hint: 'Warning at 70 %, critical at 90 % (above)',
    });
  });
});
