import { Injectable, Logger } from '@nestjs/common';
import { type AlertState, type DomainEvent, type SourceFreshness } from '@switchyard/contracts';
import { Clock } from '../../common';
import { DomainEventBus } from '../../events';
import { SourcesService } from '../../sources';
import { OpsDataRepository, type SeriesLatest } from '../data/ops-data.repository';
import type { AlertRuleEntity } from '../entities/alert-rule.entity';
import { AlertEntity } from '../entities/alert.entity';
import type { SilenceEntity } from '../entities/silence.entity';
import {
  CLOSED_STATES,
  isNotifiable,
  settleAlert,
  thresholdOf,
  type AlertStatus,
  type AlertThresholds,
} from './alert-state';
import { silenceMatches, toAlertView } from './alert-views';
import { AlertsRepository } from './alerts.repository';
import { fingerprintOf, instancesOf } from './rule-series';
import { groupByRule, newAlert, orphanSubject, ruleSubject, seriesOfAlert, type AlertSubject } from './alert-subjects';

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
    private readonly sources: SourcesService,
  ) {}

  /** Evaluates the rules of these metrics (all enabled rules when absent), each series on its own. */
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
          series: null,
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
    const open = (await this.alerts.openAlerts()).filter((a) => a.kind === 'threshold');
    const openOf = groupByRule(open);
    let latest: SeriesLatest[] = [];
    let failure: string | null = null;
    let tenants = new Map<string, string | null>();
    try {
      // Series quiet for twice the no-data window are forgotten unless an instance of theirs is open.
      const lookback = Math.max(0, ...rules.map((r) => r.noDataAfterSeconds)) * 2 * 1000;
      latest = await this.data.latestPerSeries(
        [...new Set(rules.map((r) => r.metric))],
        new Date(now.getTime() - lookback),
      );
      tenants = new Map((await this.sources.findAll()).map((s) => [s.id, s.tenant]));
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      this.logger.error({ err: error }, 'alert evaluation could not read the latest values');
    }
    const subjects: AlertSubject[] = [];
    for (const rule of rules) {
      const own = openOf.get(rule.id) ?? [];
      if (failure !== null) {
        const failing = own.length > 0 ? own.map(seriesOfAlert) : [null];
        for (const series of failing) subjects.push(ruleSubject(rule, series, { kind: 'error', message: failure }));
        continue;
      }
      subjects.push(...this.seriesSubjects(rule, latest, own, tenants, now));
    }
    if (!metrics) {
      // Instances of rules deleted or disabled since: resolved, as nothing watches them any more.
      const watched = new Set(rules.map((r) => r.id));
      for (const orphan of open.filter((a) => !a.ruleId || !watched.has(a.ruleId)))
        subjects.push(orphanSubject(orphan));
    }
    return this.apply(subjects, open);
  }

  /**
   * One subject per instance of the rule: each series (or group) with its newest value, or no
   * data when it went quiet; open instances whose series are no longer listed have no data. A
   * rule without any series has one instance without series, for its no-data alert; it resolves
   * once series arrive.
   */
  private seriesSubjects(
    rule: AlertRuleEntity,
    latest: readonly SeriesLatest[],
    open: readonly AlertEntity[],
    tenants: ReadonlyMap<string, string | null>,
    now: Date,
  ): AlertSubject[] {
    const instances = instancesOf(
      rule,
      latest.filter((p) => p.metric === rule.metric),
      (source) => tenants.get(source) ?? null,
      now,
    );
    const subjects = instances.map((i) =>
      ruleSubject(rule, i, i.value === null ? { kind: 'no_data' } : { kind: 'value', value: i.value }),
    );
    const seen = new Set(instances.map((i) => i.fingerprint));
    const empty = fingerprintOf(rule.id, null);
    for (const alert of open) {
      if (seen.has(alert.fingerprint)) continue;
      if (alert.fingerprint === empty && instances.length > 0) subjects.push(orphanSubject(alert, 'series arrived'));
      else subjects.push(ruleSubject(rule, seriesOfAlert(alert), { kind: 'no_data' }));
    }
    // A rule younger than its no-data window has not missed anything yet (a fresh start, a new rule).
    const inGrace = now.getTime() - rule.createdAt.getTime() < rule.noDataAfterSeconds * 1000;
    if (instances.length === 0 && open.length === 0 && !inGrace) {
      subjects.push(ruleSubject(rule, null, { kind: 'no_data' }));
    }
    return subjects;
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
