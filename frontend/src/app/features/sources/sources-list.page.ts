import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MAX_PAGE_SIZE, SOURCE_DOMAINS, SOURCE_KINDS, type Source, type SourceRunHistory } from '@switchyard/contracts';
import { EMPTY, catchError, forkJoin, map, of } from 'rxjs';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { downloadCsv, toCsv } from '../../core/csv';
import { ageWords, clockTime, countdown } from '../../core/freshness-badge-view';
import { formatAge } from '../../core/format-age';
import { NowService } from '../../core/now.service';
import { liveResource } from '../../shared/live-resource';
import { SourcesApiService } from '../../shared/sources-api.service';
import { describeCadence } from './source-format';
import {
  BREAKER_WORDS,
  TRIAGE_LABELS,
  TRIAGE_STATES,
  TRIAGE_TONES,
  beatTitle,
  beatTone,
  countByState,
  runStatusWords,
  shareWords,
  sortSources,
  triageState,
  type TriageSort,
  type TriageState,
} from './source-triage';
import { ListPageComponent } from '../../shared/list-page.component';

/** Every 10 s: the list has no topic of its own (one per source would be many subscriptions). */
export const SOURCES_POLL_MS = 10_000;
/** Runs per source in the heartbeat strip. */
export const HEARTBEAT_RUNS = 20;

/** The on-call triage view: counts by state, filter and sort by state, ages, runs, heartbeat strips, bulk refresh. */
@Component({
  selector: 'sy-sources-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ListPageComponent, RouterLink],
  templateUrl: './sources-list.page.html',
  styleUrl: './sources-list.page.css',
})
export class SourcesListPage {
  private readonly api = inject(SourcesApiService);
  private readonly clock = inject(NowService);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly canWrite = this.auth.can('sources.write');
  protected readonly canRefresh = this.auth.can('sources.refresh');
  protected readonly canReadRuns = this.auth.can('sync.read');
  protected readonly canReadCredentials = this.auth.can('credentials.read');
  protected readonly domains = SOURCE_DOMAINS;
  protected readonly kinds = SOURCE_KINDS;
  protected readonly states = TRIAGE_STATES;
  protected readonly stateLabels = TRIAGE_LABELS;
  protected readonly stateTones = TRIAGE_TONES;
  protected readonly breakerWords = BREAKER_WORDS;
  protected readonly domain = signal('');
  protected readonly kind = signal('');
  protected readonly state = signal<TriageState | ''>('');
  protected readonly sort = signal<TriageSort>('state');
  protected readonly page = signal(1);
  protected readonly bulkStatus = signal('');
  protected readonly bulkBusy = signal(false);

  /** All sources at once (a page of 200): the counts and the state filter need every row. */
  protected readonly sources = liveResource({
    params: () => ({ domain: this.domain(), kind: this.kind(), page: this.page(), pageSize: MAX_PAGE_SIZE }),
    load: (p) => this.api.list(p),
    topics: () => [],
    pollMs: SOURCES_POLL_MS,
  });
  private readonly history = liveResource({
    params: () => this.canReadRuns,
    load: (can) =>
      can
        ? this.api.history(HEARTBEAT_RUNS).pipe(
            map((r) => new Map(r.items.map((h) => [h.sourceId, h]))),
            catchError(() => of(new Map<string, SourceRunHistory>())),
          )
        : EMPTY,
    topics: () => [],
    pollMs: SOURCES_POLL_MS,
  });

  protected readonly counts = computed(() => countByState(this.sources.value()?.items ?? []));
  protected readonly rows = computed(() => {
    const wanted = this.state();
    const items = (this.sources.value()?.items ?? []).filter((s) => !wanted || triageState(s) === wanted);
    return sortSources(items, this.sort());
  });
  protected readonly failing = computed(() =>
    (this.sources.value()?.items ?? []).filter((s) => ['failing', 'stale'].includes(triageState(s))),
  );

  protected readonly describeCadence = describeCadence;
  protected readonly triageState = triageState;
  protected readonly runStatusWords = runStatusWords;
  protected readonly beatTone = beatTone;
  protected readonly shareWords = shareWords;

  protected historyOf(id: string): SourceRunHistory | undefined {
    return this.history.value()?.get(id);
  }

  protected beatTitle(beat: SourceRunHistory['recent'][number]): string {
    return beatTitle(beat, (iso) => this.time(iso));
  }

  /** "14:02:31 (3 min ago)": runs of a 30 s source differ to the second. */
  protected time(iso: string | null): string {
    if (!iso) return 'never';
    const now = this.clock.now();
    return `${clockTime(Date.parse(iso), now)} (${formatAge(now - Date.parse(iso))})`;
  }

  protected dataAge(s: Source): string {
    const at = s.status.freshness.dataAsOf ?? s.status.freshness.lastSuccessAt;
    return at ? ageWords(this.clock.now() - Date.parse(at)) : 'no data yet';
  }

  protected nextRun(s: Source): string {
    if (!s.enabled) return 'paused';
    if (s.status.running) return 'running now';
    const next = s.status.nextRunAt ?? s.status.freshness.nextAttemptAt;
    if (!next) return s.kind === 'http-pull' ? 'not scheduled' : 'on webhook';
    const at = Date.parse(next);
    return `${clockTime(at, this.clock.now())} (${countdown(at - this.clock.now())})`;
  }

  protected filterState(state: TriageState | ''): void {
    this.state.set(this.state() === state ? '' : state);
  }

  /** One request per failing or stale source; the list shows their runs as they finish. */
  protected refreshFailing(): void {
    const targets = this.failing();
    if (targets.length === 0) return;
    this.bulkBusy.set(true);
    this.bulkStatus.set(`Requesting a refresh of ${targets.length} sources…`);
    forkJoin(
      targets.map((s) =>
        this.api.refresh(s.id).pipe(
          map(() => null),
          catchError((error: unknown) => of(`${s.name}: ${describeError(error).message}`)),
        ),
      ),
    )
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((results) => {
        const refused = results.filter((r): r is string => r !== null);
        this.bulkBusy.set(false);
        this.bulkStatus.set(
          `Refresh requested for ${targets.length - refused.length} of ${targets.length} sources` +
            (refused.length > 0 ? `; refused: ${refused.join('; ')}` : '.'),
        );
        this.sources.reload();
        this.history.reload();
      });
  }

  protected exportCsv(rows: readonly Source[]): void {
    const csv = toCsv(rows, [
      { header: 'Id', value: (s) => s.id },
      { header: 'Name', value: (s) => s.name },
      { header: 'Domain', value: (s) => s.domain },
      { header: 'Kind', value: (s) => s.kind },
      { header: 'Tenant', value: (s) => s.tenant },
      { header: 'Enabled', value: (s) => s.enabled },
      { header: 'State', value: (s) => TRIAGE_LABELS[triageState(s)] },
      { header: 'Freshness', value: (s) => s.status.freshness.state },
      { header: 'Data as of', value: (s) => s.status.freshness.dataAsOf },
      { header: 'Cadence', value: (s) => describeCadence(s.cadence) },
      { header: 'Breaker', value: (s) => s.status.breaker.state },
      { header: 'Last run', value: (s) => s.status.lastRunStatus },
      { header: 'Last attempt', value: (s) => s.status.lastAttemptAt },
      { header: 'Last success', value: (s) => s.status.lastSuccessAt },
      { header: 'Next run', value: (s) => s.status.nextRunAt },
    ]);
    downloadCsv('sources.csv', csv);
  }
}
