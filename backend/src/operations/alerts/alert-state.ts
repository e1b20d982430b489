import type { AlertDirection, AlertSeverity, AlertState } from '@switchyard/contracts';

/** What the state machine needs of a rule. */
export interface AlertThresholds {
  warning: number;
  critical: number;
  direction: AlertDirection;
  holdSeconds: number;
  alertOnNoData: boolean;
}

/** One evaluation's input: the latest value, no recent value, or a failed evaluation. */
export type AlertReading = { kind: 'value'; value: number } | { kind: 'no_data' } | { kind: 'error'; message: string };

export interface AlertStatus {
  state: AlertState;
  severity: AlertSeverity | null;
  /** When the current state began; hold durations count from here. */
  since: Date;
}

/** States after which the alert is closed; the next breach opens a new alert. */
export const CLOSED_STATES: ReadonlySet<AlertState> = new Set(['normal', 'resolved']);

/** The severity a value breaches, or null when it is within both thresholds. */
export function classifyValue(rule: Pick<AlertThresholds, 'warning' | 'critical' | 'direction'>, value: number) {
  const beyond = (threshold: number) => (rule.direction === 'above' ? value >= threshold : value <= threshold);
  if (beyond(rule.critical)) return 'critical' as const;
  if (beyond(rule.warning)) return 'warning' as const;
  return null;
}

export function thresholdOf(rule: Pick<AlertThresholds, 'warning' | 'critical'>, severity: AlertSeverity | null) {
  return severity === 'critical' ? rule.critical : rule.warning;
}

const to = (state: AlertState, severity: AlertSeverity | null, now: Date): AlertStatus => ({
  state,
  severity,
  since: now,
});

/**
 * One step of the alert state machine. Returns `current` itself when nothing changes.
 *
 * normal -> pending (breach) -> firing (breach held for holdSeconds) -> recovering (back
 * within thresholds) -> resolved (recovery held for holdSeconds). A breach while pending
 * only updates the severity; a breach while recovering fires again. Missing data moves to
 * no_data when the rule alerts on it (otherwise the state is kept); a failed evaluation
 * moves to error. From no_data or error, a value starts over as if from normal.
 */
export function nextAlertStatus(
  current: AlertStatus,
  rule: AlertThresholds,
  reading: AlertReading,
  now: Date,
): AlertStatus {
  if (reading.kind === 'error') return current.state === 'error' ? current : to('error', null, now);
  if (reading.kind === 'no_data') {
    if (!rule.alertOnNoData || current.state === 'no_data') return current;
    return to('no_data', null, now);
  }
  const breach = classifyValue(rule, reading.value);
  const held = now.getTime() - current.since.getTime() >= rule.holdSeconds * 1000;
  switch (current.state) {
    case 'normal':
    case 'resolved':
      return breach ? to('pending', breach, now) : current;
    case 'pending':
      if (!breach) return to('normal', null, now);
      if (held) return to('firing', breach, now);
      return breach === current.severity ? current : { ...current, severity: breach };
    case 'firing':
      if (!breach) return to('recovering', current.severity, now);
      return breach === current.severity ? current : to('firing', breach, now);
    case 'recovering':
      if (breach) return to('firing', breach, now);
      return held ? to('resolved', null, now) : current;
    case 'no_data':
    case 'error':
      return breach ? to('pending', breach, now) : to('resolved', null, now);
  }
}

/**
 * Applies steps until the state settles (at most a few): with a zero hold, a breach goes
 * normal -> pending -> firing in one evaluation, and each step is still reported.
 */
export function settleAlert(
  current: AlertStatus,
  rule: AlertThresholds,
  reading: AlertReading,
  now: Date,
): AlertStatus[] {
  const steps: AlertStatus[] = [];
  let status = current;
  for (let i = 0; i < 4; i += 1) {
    const next = nextAlertStatus(status, rule, reading, now);
    if (next === status) break;
    if (next.state === status.state && next.since === status.since) {
      // A severity update while pending is not a transition of its own.
      steps.push(next);
      break;
    }
    steps.push(next);
    status = next;
    if (CLOSED_STATES.has(next.state)) break;
  }
  return steps;
}

/**
 * Whether a transition is worth a notification: firing (new or changed severity), no data,
 * an evaluation error, and the resolution of something that was notified. Pending and
 * recovering are quiet steps, and a pending alert that clears was never news.
 */
export function isNotifiable(previous: AlertStatus, next: AlertStatus): boolean {
  switch (next.state) {
    case 'firing':
    case 'no_data':
    case 'error':
      return previous.state !== next.state || previous.severity !== next.severity;
    case 'resolved':
      return previous.state !== 'pending' && previous.state !== 'normal';
    case 'normal':
    case 'pending':
    case 'recovering':
      return false;
  }
}
