import {
  classifyValue,
  isNotifiable,
  nextAlertStatus,
  settleAlert,
  type AlertReading,
  type AlertStatus,
  type AlertThresholds,
} from './alert-state';

const T0 = Date.parse('2026-11-26T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const cpu: AlertThresholds = { warning: 70, critical: 85, direction: 'above', holdSeconds: 60, alertOnNoData: true };
const successRate: AlertThresholds = { ...cpu, warning: 90, critical: 80, direction: 'below' };
const value = (v: number): AlertReading => ({ kind: 'value', value: v });
const normal = (seconds = 0): AlertStatus => ({ state: 'normal', severity: null, since: at(seconds) });

/** Runs readings at the given seconds through the machine and lists the states reached. */
function run(rule: AlertThresholds, readings: Array<[number, AlertReading]>): string[] {
  let status = normal();
  const states: string[] = [];
  for (const [seconds, reading] of readings) {
    for (const step of settleAlert(status, rule, reading, at(seconds))) {
      states.push(step.severity ? `${step.state}:${step.severity}` : step.state);
      status = step;
    }
    if (status.state === 'resolved' || status.state === 'normal') status = normal(seconds);
  }
  return states;
}

describe('alert state machine', () => {
  it('classifies values against warning and critical thresholds in either direction', () => {
    expect([60, 70, 84.9, 85, 99].map((v) => classifyValue(cpu, v))).toEqual([
      null,
      'warning',
      'warning',
      'critical',
      'critical',
    ]);
    expect([95, 90, 85, 80, 10].map((v) => classifyValue(successRate, v))).toEqual([
      null,
      'warning',
      'warning',
      'critical',
      'critical',
    ]);
  });

  it('goes pending on a breach and fires only once the breach has held for the hold duration', () => {
    expect(
      run(cpu, [
        [0, value(90)],
        [30, value(91)],
        [60, value(92)],
      ]),
    ).toEqual(['pending:critical', 'firing:critical']);
  });

  it('recovers, then resolves once recovery has held', () => {
    expect(
      run(cpu, [
        [0, value(75)],
        [60, value(75)],
        [90, value(50)],
        [120, value(50)],
        [150, value(50)],
      ]),
    ).toEqual(['pending:warning', 'firing:warning', 'recovering:warning', 'resolved']);
  });

  it('works for below-direction rules', () => {
    expect(
      run(successRate, [
        [0, value(85)],
        [60, value(79)],
        [70, value(99)],
        [130, value(99)],
      ]),
    ).toEqual(['pending:warning', 'firing:critical', 'recovering:critical', 'resolved']);
  });

  it('cancels a pending alert that clears before the hold, without firing', () => {
    expect(
      run(cpu, [
        [0, value(90)],
        [10, value(20)],
      ]),
    ).toEqual(['pending:critical', 'normal']);
  });

  it('fires again when a recovering value breaches before recovery has held', () => {
    expect(
      run(cpu, [
        [0, value(90)],
        [60, value(90)],
        [70, value(10)],
        [80, value(72)],
      ]),
    ).toEqual(['pending:critical', 'firing:critical', 'recovering:critical', 'firing:warning']);
  });

  it('escalates a firing alert from warning to critical', () => {
    expect(
      run(cpu, [
        [0, value(75)],
        [60, value(75)],
        [70, value(95)],
      ]),
    ).toEqual(['pending:warning', 'firing:warning', 'firing:critical']);
  });

  it('with a zero hold, steps through pending to firing and recovering to resolved in one evaluation', () => {
    const instant = { ...cpu, holdSeconds: 0 };
    expect(
      run(instant, [
        [0, value(99)],
        [5, value(1)],
      ]),
    ).toEqual(['pending:critical', 'firing:critical', 'recovering:critical', 'resolved']);
  });

  it('reports missing data as no_data when the rule alerts on it, and resolves when data returns', () => {
    expect(
      run(cpu, [
        [0, { kind: 'no_data' }],
        [10, { kind: 'no_data' }],
        [20, value(10)],
      ]),
    ).toEqual(['no_data', 'resolved']);
    expect(run({ ...cpu, alertOnNoData: false }, [[0, { kind: 'no_data' }]])).toEqual([]);
  });

  it('keeps a firing alert firing through missing data when the rule ignores no data', () => {
    const firing: AlertStatus = { state: 'firing', severity: 'critical', since: at(0) };
    expect(nextAlertStatus(firing, { ...cpu, alertOnNoData: false }, { kind: 'no_data' }, at(10))).toBe(firing);
  });

  it('moves to error when an evaluation fails, and starts over from a value', () => {
    expect(
      run(cpu, [
        [0, { kind: 'error', message: 'boom' }],
        [5, value(99)],
      ]),
    ).toEqual(['error', 'pending:critical']);
  });

  it('notifies on firing, escalation, no data and resolution of a fired alert only', () => {
    const s = (state: AlertStatus['state'], severity: AlertStatus['severity'] = null): AlertStatus => ({
      state,
      severity,
      since: at(0),
    });
    expect(isNotifiable(s('normal'), s('pending', 'warning'))).toBe(false);
    expect(isNotifiable(s('pending', 'warning'), s('firing', 'warning'))).toBe(true);
    expect(isNotifiable(s('firing', 'warning'), s('firing', 'critical'))).toBe(true);
    expect(isNotifiable(s('firing', 'warning'), s('recovering', 'warning'))).toBe(false);
    expect(isNotifiable(s('recovering', 'warning'), s('resolved'))).toBe(true);
    expect(isNotifiable(s('pending', 'warning'), s('normal'))).toBe(false);
    expect(isNotifiable(s('normal'), s('no_data'))).toBe(true);
  });
});
