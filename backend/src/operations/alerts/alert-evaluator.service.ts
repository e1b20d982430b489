import { Injectable, Logger } from '@nestjs/common';
import {
  CATEGORY_MODULE,
  type AlertState,
  type DomainEvent,
  type OpsCategory,
  type OpsModule,
  type SourceFreshness,
} from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common';
import { DomainEventBus } from '../../events';
import { OpsDataRepository } from '../data/ops-data.repository';
import type { AlertRuleEntity } from '../entities/alert-rule.entity';
import { AlertEntity } from '../entities/alert.entity';
import type { SilenceEntity } from '../entities/silence.entity';
import {
  CLOSED_STATES,
  isNotifiable,
  settleAlert,
  thresholdOf,
  type AlertReading,
  type AlertStatus,
  type AlertThresholds,
} from './alert-state';
import { fingerprintOf, silenceMatches, toAlertView } from './alert-views';
import { AlertsRepository } from './alerts.repository';

/** What one alert is about, and this evaluation's reading of it. */
interface AlertSubject {
  fingerprint: string;
  kind: 'threshold' | 'freshness';
  ruleId: string | null;
  metric: string | null;
  sourceId: string | null;
  tenant: string | null;
  labels: Record<string, string>;
  module: OpsModule;
  thresholds: AlertThresholds;
  reading: AlertReading;
  /** Shown value: the metric value, or a source's age in seconds. */
  value: number | null;
  /** Whether the threshold crossed is worth showing (not for freshness). */
  showsThreshold: boolean;
  message(status: AlertStatus): string;
}

type AlertChanged = Extract<DomainEvent, { type: 'alert.changed' }>;

/** A source's freshness as a number the state machine can hold against thresholds 1 and 2. */
const FRESHNESS_THRESHOLDS: AlertThresholds = {
  warning: 1,
  critical: 2,
  direction: 'above',
  holdSeconds: 0,
  alertOnNoData: false,
};

function freshnessLevel(f: SourceFreshness): number {
  if (f.state === 'late') return 1;
  if (f.state === 'stale') return 2;
  // A source that has never loaded only alerts once it has failed; the first sync after start is not news.
  if (f.state === 'unavailable') return f.reason === 'never loaded yet' ? 0 : 2;
  return 0;
}

/**
 * Runs alert rules and source freshness through the alert state machine, writes the
 * transitions in one transaction, and only then announces them on the bus. Evaluations
 * are serialized in this process; across replicas the open-fingerprint index deduplicates.
 */
@Injectable()
export class AlertEvaluator {
  private readonly logger = new Logger(AlertEvaluator.name);
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly data: OpsDataRepository,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  /** Evaluates the rules of these metrics (all enabled rules when absent). */
  evaluateRules(metrics?: readonly string[]): Promise<AlertChanged[]> {
    return this.serialized(() => this.runRules(metrics));
  }

  /** Raises, keeps or resolves one freshness alert per source from its verdict (and the source's tenant). */
  evaluateFreshness(
    verdicts: readonly SourceFreshness[],
    tenantOf: (sourceId: string) => string | null = () => null,
  ): Promise<AlertChanged[]> {
    return this.serialized(async () => {
      const subjects = verdicts.map((f): AlertSubject => {
        const level = freshnessLevel(f);
        return {
          fingerprint: `freshness:${f.id}`,
          kind: 'freshness',
          ruleId: null,
          metric: null,
          sourceId: f.id,
          tenant: tenantOf(f.id),
          labels: { source: f.id },
          module: 'system',
          thresholds: FRESHNESS_THRESHOLDS,
          reading: { kind: 'value', value: level },
          value: f.ageSeconds,
          showsThreshold: false,
          message: (status) =>
            CLOSED_STATES.has(status.state) || status.state === 'recovering'
              ? `Source ${f.name} is ${f.state} again`
              : `Source ${f.name} is ${f.state}: ${f.reason ?? 'past its freshness target'}`,
        };
      });
      const open = (await this.alerts.openAlerts()).filter((a) => a.kind === 'freshness');
      return this.apply(subjects, open);
    });
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async runRules(metrics?: readonly string[]): Promise<AlertChanged[]> {
    const now = this.clock.now();
    const rules = metrics ? await this.alerts.rulesForMetrics(metrics) : await this.alerts.enabledRules();
    let latest: Awaited<ReturnType<OpsDataRepository['latest']>> | null = null;
    let failure: string | null = null;
    try {
      latest = await this.data.latest([...new Set(rules.map((r) => r.metric))]);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      this.logger.error({ err: error }, 'alert evaluation could not read the latest values');
    }
    // A rule younger than its no-data window has not missed anything yet (a fresh start, a new rule).
    const inGrace = (rule: AlertRuleEntity) =>
      now.getTime() - rule.createdAt.getTime() < rule.noDataAfterSeconds * 1000;
    const subjects = rules
      .filter((rule) => failure !== null || latest?.has(rule.metric) || !inGrace(rule))
      .map((rule) => {
        const point = latest?.get(rule.metric);
        const reading: AlertReading = failure
          ? { kind: 'error', message: failure }
          : !point || now.getTime() - point.recordedAt.getTime() > rule.noDataAfterSeconds * 1000
            ? { kind: 'no_data' }
            : { kind: 'value', value: point.value };
        const module = CATEGORY_MODULE[(point?.category ?? 'custom') as OpsCategory] ?? 'system';
        return ruleSubject(rule, reading, module);
      });
    const open = (await this.alerts.openAlerts()).filter((a) => a.kind === 'threshold');
    if (!metrics) {
      // Alerts of rules deleted or disabled since: resolved, as nothing watches them any more.
      const watched = new Set(rules.map((r) => fingerprintOf(r.id, r.labels)));
      for (const orphan of open.filter((a) => !watched.has(a.fingerprint))) {
        subjects.push({ ...orphanSubject(orphan) });
      }
    }
    return this.apply(subjects, open);
  }

  private async apply(subjects: AlertSubject[], open: AlertEntity[]): Promise<AlertChanged[]> {
    const now = this.clock.now();
    const byFingerprint = new Map(open.map((a) => [a.fingerprint, a]));
    const silences = await this.alerts.activeSilences(now);
    const created: AlertEntity[] = [];
    const updated: AlertEntity[] = [];
    const events: Array<{ alertId: string; event: AlertChanged }> = [];
    for (const subject of subjects) {
      const existing = byFingerprint.get(subject.fingerprint);
      const current: AlertStatus = existing
        ? {
            state: existing.state as AlertState,
            severity: existing.severity as AlertStatus['severity'],
            since: existing.stateSince,
          }
        : { state: 'normal', severity: null, since: now };
      const steps = settleAlert(current, subject.thresholds, subject.reading, now);
      if (steps.length === 0) continue;
      const alert = existing ?? newAlert(subject, now);
      let previous: AlertStatus | null = existing ? current : null;
      for (const step of steps) {
        const notify = this.advance(alert, subject, previous ?? current, step, silences, now);
        events.push({
          alertId: alert.id,
          event: {
            type: 'alert.changed',
            at: now.toISOString(),
            alert: toAlertView(alert),
            previous: previous?.state ?? null,
            notify,
          },
        });
        previous = step;
      }
      (existing ? updated : created).push(alert);
    }
    const skipped = await this.alerts.writeChanges(created, updated);
    // Only committed changes are announced.
    const announced = events.filter((e) => !skipped.has(e.alertId)).map((e) => e.event);
    for (const event of announced) this.bus.publish(event);
    return announced;
  }

  /** Moves the entity to `step`; answers whether the transition notifies. */
  private advance(
    alert: AlertEntity,
    subject: AlertSubject,
    previous: AlertStatus,
    step: AlertStatus,
    silences: readonly SilenceEntity[],
    now: Date,
  ): boolean {
    alert.state = step.state;
    alert.severity = step.severity;
    alert.stateSince = step.since;
    alert.lastEvaluatedAt = now;
    alert.tenant = subject.tenant;
    alert.value = subject.value;
    alert.threshold = subject.showsThreshold && step.severity ? thresholdOf(subject.thresholds, step.severity) : null;
    alert.message = subject.message(step);
    if (step.state === 'firing') alert.firedAt ??= now;
    if (CLOSED_STATES.has(step.state)) {
      alert.open = false;
      alert.resolvedAt = now;
    }
    const silence = silences.find((s) => silenceMatches(s, alert));
    alert.silencedBy = silence?.id ?? null;
    const notify = isNotifiable(previous, step) && !silence;
    if (notify) alert.notifiedAt = now;
    return notify;
  }
}

function ruleSubject(rule: AlertRuleEntity, reading: AlertReading, module: OpsModule): AlertSubject {
  const thresholds: AlertThresholds = {
    warning: rule.warning,
    critical: rule.critical,
    direction: rule.direction as AlertThresholds['direction'],
    holdSeconds: rule.holdSeconds,
    alertOnNoData: rule.alertOnNoData,
  };
  const value = reading.kind === 'value' ? reading.value : null;
  return {
    fingerprint: fingerprintOf(rule.id, rule.labels),
    kind: 'threshold',
    ruleId: rule.id,
    metric: rule.metric,
    sourceId: null,
    tenant: null,
    labels: rule.labels,
    module,
    thresholds,
    reading,
    value,
    showsThreshold: true,
    message: (status) => {
      if (status.state === 'no_data') return `${rule.name}: no data for ${rule.metric} in ${rule.noDataAfterSeconds} s`;
      if (status.state === 'error')
        return `${rule.name}: evaluation failed (${reading.kind === 'error' ? reading.message : ''})`;
      if (!status.severity || CLOSED_STATES.has(status.state) || status.state === 'recovering')
        return `${rule.name}: ${rule.metric} is ${value ?? 'unknown'}, within thresholds`;
      const threshold = thresholdOf(thresholds, status.severity);
      return `${rule.name}: ${rule.metric} is ${value} (${status.severity} ${rule.direction} ${threshold})`;
    },
  };
}

/** An open alert whose rule is gone: it resolves at once. */
function orphanSubject(alert: AlertEntity): AlertSubject {
  return {
    fingerprint: alert.fingerprint,
    kind: 'threshold',
    ruleId: alert.ruleId,
    metric: alert.metric,
    sourceId: null,
    tenant: alert.tenant,
    labels: alert.labels,
    module: alert.module as OpsModule,
    thresholds: { warning: Infinity, critical: Infinity, direction: 'above', holdSeconds: 0, alertOnNoData: false },
    reading: { kind: 'value', value: 0 },
    value: alert.value,
    showsThreshold: false,
    message: () => `Rule ${alert.ruleId ?? ''} was removed or disabled`,
  };
}

function newAlert(subject: AlertSubject, now: Date): AlertEntity {
  return Object.assign(new AlertEntity(), {
    id: randomUUID(),
    kind: subject.kind,
    fingerprint: subject.fingerprint,
    ruleId: subject.ruleId,
    metric: subject.metric,
    sourceId: subject.sourceId,
    tenant: subject.tenant,
    labels: subject.labels,
    module: subject.module,
    open: true,
    state: 'normal',
    severity: null,
    value: subject.value,
    threshold: null,
    message: '',
    stateSince: now,
    startedAt: now,
    firedAt: null,
    resolvedAt: null,
    lastEvaluatedAt: now,
    acknowledgedBy: null,
    acknowledgedAt: null,
    ackComment: null,
    silencedBy: null,
    notifiedAt: null,
  } satisfies AlertEntity);
}
