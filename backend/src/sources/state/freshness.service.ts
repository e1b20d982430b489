import { Injectable, Logger } from '@nestjs/common';
import {
  FRESHNESS_STATES,
  worstFreshnessState,
  type Freshness,
  type FreshnessState,
  type SourceFreshness,
  type SourceStatus,
  type UpstreamHealth,
  type UpstreamHealthEntry,
} from '@switchyard/contracts';
import { Clock } from '../../common';
import { DomainEventBus } from '../../events';
import type { SourceEntity } from '../entities/source.entity';
import { SourcesRepository } from '../sources.repository';
import type { SourceStateEntity } from './source-state.entity';
import { judgeFreshness } from './freshness';
import { SourceStateRepository } from './source-state.repository';
import { SourceStateMetrics } from './source-state-metrics';
import { SourceStateView } from './source-state-view';

/**
 * The one place freshness is decided, for the API, health, real time and alerts. It
 * also watches for changes: a source turning late or stale without any sync running
 * is still announced, because time alone changes freshness.
 */
@Injectable()
export class FreshnessService {
  private readonly logger = new Logger(FreshnessService.name);
  /**
   * Verdicts of this second on this snapshot, by the sources they cover: freshness moves in
   * whole seconds, so concurrent answers over the same sources share one verdict.
   */
  private verdicts: { version: number; second: number; answers: Map<string, Freshness> } = {
    version: -1,
    second: -1,
    answers: new Map(),
  };

  constructor(
    private readonly sources: SourcesRepository,
    private readonly states: SourceStateRepository,
    private readonly bus: DomainEventBus,
    private readonly metrics: SourceStateMetrics,
    private readonly clock: Clock,
    private readonly view: SourceStateView,
  ) {}

  async statusOf(rows: SourceEntity[], rawErrors = false): Promise<Map<string, SourceStatus>> {
    const states = new Map((await this.states.findMany(rows.map((r) => r.id))).map((s) => [s.sourceId, s]));
    const now = this.clock.now();
    return new Map(rows.map((row) => [row.id, toStatus(row, states.get(row.id) ?? null, now, rawErrors)]));
  }

  /**
   * Freshness of the data behind an answer: the worst state and the oldest data clock.
   * `rawErrors` adds what the upstreams said about their failures (for `sync.raw_read`).
   */
  async summarize(filter: (source: SourceEntity) => boolean, rawErrors = false): Promise<Freshness> {
    const version = this.view.version;
    const sources = (await this.view.sources()).filter(filter);
    const second = Math.floor(this.clock.now().getTime() / 1000);
    if (this.verdicts.version !== version || this.verdicts.second !== second) {
      this.verdicts = { version, second, answers: new Map() };
    }
    const key = `${rawErrors ? 'raw' : ''}|${sources.map((source) => source.id).join(',')}`;
    const remembered = this.verdicts.answers.get(key);
    if (remembered) return remembered;
    const states = await this.view.states(sources.map((source) => source.id));
    // Shared by every caller of this second: frozen, so nobody can change it for the others.
    const answer = Object.freeze(this.judge(sources, states, rawErrors));
    // Kept only when nothing changed while the states were read.
    if (this.view.version === version && this.verdicts.version === version) this.verdicts.answers.set(key, answer);
    return answer;
  }

  /** `summarize` for a list of sources the caller already has (their states from the view). */
  async summarizeSources(sources: readonly SourceEntity[], rawErrors = false): Promise<Freshness> {
    return this.judge(sources, await this.view.states(sources.map((source) => source.id)), rawErrors);
  }

  private judge(
    sources: readonly SourceEntity[],
    states: ReadonlyMap<string, SourceStateEntity>,
    rawErrors: boolean,
  ): Freshness {
    const now = this.clock.now();
    const verdicts = sources.map((s) => judgeFreshness(s, states.get(s.id) ?? null, now, rawErrors));
    const clocks = verdicts.map((v) => v.dataAsOf ?? v.lastSuccessAt).filter((v): v is string => v !== null);
    return {
      state: verdicts.length === 0 ? 'unavailable' : worstFreshnessState(verdicts.map((v) => v.state)),
      asOf: clocks.length === 0 ? null : clocks.reduce((oldest, v) => (v < oldest ? v : oldest)),
      servingCached: verdicts.some((v) => v.servingCached),
      sources: verdicts,
    };
  }

  /**
   * Upstream status. `visible` is the caller's tenant scope: other tenants' sources are neither
   * listed nor counted; `rawErrors` adds what each upstream said about its last failure.
   */
  async upstreamHealth(
    detailed: boolean,
    visible: (tenant: string | null) => boolean,
    rawErrors = false,
  ): Promise<UpstreamHealth> {
    const sources = (await this.view.sources()).filter((source) => visible(source.tenant));
    const states = await this.view.states(sources.map((source) => source.id));
    const now = this.clock.now();
    const statuses = new Map(sources.map((row) => [row.id, toStatus(row, states.get(row.id) ?? null, now, rawErrors)]));
    const counts = Object.fromEntries(FRESHNESS_STATES.map((s) => [s, 0])) as Record<FreshnessState, number>;
    const entries: UpstreamHealthEntry[] = sources.map((source) => {
      const status = statuses.get(source.id) as SourceStatus;
      if (source.enabled) counts[status.freshness.state] += 1;
      return {
        ...status.freshness,
        domain: source.domain,
        tenant: source.tenant,
        enabled: source.enabled,
        breaker: status.breaker.state,
        lastRunStatus: status.lastRunStatus,
      };
    });
    const enabled = entries.filter((e) => e.enabled).map((e) => e.state);
    return {
      status: enabled.length === 0 ? 'unavailable' : worstFreshnessState(enabled),
      counts,
      sources: detailed ? entries : null,
    };
  }

  /** Re-judges every source and announces the ones whose state changed. */
  async check(): Promise<number> {
    const [sources, states] = await Promise.all([this.sources.findAll(), this.states.findAll()]);
    const byId = new Map(states.map((s) => [s.sourceId, s]));
    const now = this.clock.now();
    let changed = 0;
    for (const source of sources) {
      const state = byId.get(source.id);
      if (state && (await this.rejudge(source, state, now))) changed += 1;
    }
    return changed;
  }

  /**
   * Re-judges one source as soon as a run of it ended (any kind of run): two row reads, not
   * the whole table. A failed run is always announced, for its new attempt and retry time.
   */
  async afterRun(sourceId: string): Promise<boolean> {
    // From the view: the run's writes have marked this source's state row to be read again.
    const [sources, states] = await Promise.all([this.view.sources(), this.view.states([sourceId])]);
    const source = sources.find((s) => s.id === sourceId);
    const state = states.get(sourceId);
    return source !== undefined && state !== undefined && this.rejudge(source, state, this.clock.now(), true);
  }

  private async rejudge(source: SourceEntity, state: SourceStateEntity, now: Date, runEnded = false): Promise<boolean> {
    const freshness = judgeFreshness(source, state, now);
    this.metrics.recordFreshness(freshness);
    this.metrics.recordBreaker(source.id, displayedBreaker(source, state, now));
    const failedRun = runEnded && freshness.lastError !== null;
    const same = state.freshnessState === freshness.state && state.freshnessCached === freshness.servingCached;
    if (same && !failedRun) return false;
    await this.states.update(source.id, { freshnessState: freshness.state, freshnessCached: freshness.servingCached });
    this.bus.publish({
      type: 'freshness.changed',
      at: now.toISOString(),
      sourceId: source.id,
      previous: state.freshnessState,
      freshness,
    });
    this.logChange(source.id, state.freshnessState, freshness);
    return true;
  }

  /** A first verdict is not news; a source going bad is a warning, and its recovery is worth a line. */
  private logChange(sourceId: string, previous: FreshnessState | null, freshness: SourceFreshness): void {
    if (previous === null) return;
    if (freshness.state !== 'fresh') {
      this.logger.warn({ sourceId, freshness }, `source ${sourceId} is ${freshness.state}: ${freshness.reason}`);
    } else if (previous !== 'unavailable') {
      this.logger.log({ sourceId, previous }, `source ${sourceId} is fresh again (was ${previous})`);
    }
  }
}

/** An open breaker whose wait is over lets the next request through as a probe: shown as half-open. */
function displayedBreaker(source: SourceEntity, state: SourceStateEntity, now: Date): SourceStatus['breaker']['state'] {
  if (state.breakerState !== 'open' || !state.breakerOpenedAt) return state.breakerState;
  return now.getTime() >= state.breakerOpenedAt.getTime() + source.breaker.halfOpenAfterMs ? 'half_open' : 'open';
}

function toStatus(source: SourceEntity, state: SourceStateEntity | null, now: Date, rawErrors: boolean): SourceStatus {
  const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
  const freshness = judgeFreshness(source, state, now, rawErrors);
  const openedAt = state?.breakerState === 'open' ? state.breakerOpenedAt : null;
  return {
    nextRunAt: iso(state?.nextRunAt),
    running: Boolean(state?.leaseUntil && state.leaseUntil > now),
    lastRunId: state?.lastRunId ?? null,
    lastRunStatus: state?.lastRunStatus ?? null,
    lastAttemptAt: iso(state?.lastAttemptAt),
    lastSuccessAt: iso(state?.lastSuccessAt),
    lastFullSyncAt: iso(state?.lastFullSyncAt),
    dataAsOf: iso(state?.dataAsOf),
    cursor: state?.cursor ?? null,
    rateLimitedUntil:
      state?.rateLimitedUntil && state.rateLimitedUntil > now ? state.rateLimitedUntil.toISOString() : null,
    breaker: {
      state: state ? displayedBreaker(source, state, now) : 'closed',
      consecutiveFailures: state?.consecutiveFailures ?? 0,
      openedAt: iso(openedAt),
      halfOpenAt: openedAt ? new Date(openedAt.getTime() + source.breaker.halfOpenAfterMs).toISOString() : null,
    },
    lastError: freshness.lastError,
    freshness,
  };
}
