import { DestroyRef, computed, inject, signal, type Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  EMPTY,
  Subject,
  auditTime,
  catchError,
  filter,
  map,
  merge,
  of,
  switchMap,
  tap,
  timer,
  type Observable,
} from 'rxjs';
import { describeError, type ConsoleError } from '../core/api-error';
import { LiveService } from '../live/live.service';

export interface LiveResource<T> {
  /** The last data received; kept on screen when a later load fails or the stream is offline. */
  readonly value: Signal<T | undefined>;
  readonly error: Signal<ConsoleError | undefined>;
  /** A request is out (first load or refetch). */
  readonly loading: Signal<boolean>;
  /** When the browser received `value`. */
  readonly receivedAt: Signal<number | undefined>;
  /** Why live updates are not coming for this view (a refused topic), if so. */
  readonly liveProblem: Signal<string | undefined>;
  reload(): void;
}

export interface LiveResourceOptions<T, P> {
  /** Inputs of the request; a change loads again. Compared by JSON value. */
  params: () => P;
  load: (params: P) => Observable<T>;
  /** Topics whose updates mean "load again". */
  topics: (params: P) => string[];
  /**
   * Also load again on this interval (views without a topic of their own, or a chosen
   * auto-refresh); a function is read as a signal, and 0 means no polling.
   */
  pollMs?: number | (() => number);
}

/** Bursts of updates fold into one refetch per this window. */
export const REFETCH_WINDOW_MS = 1000;

/**
 * The data + live pattern of every page: load by REST, load again when the params change,
 * when a topic signals a change (or a missed one), or on demand. Must be created in an
 * injection context (a field initializer of a component).
 */
export function liveResource<T, P>(options: LiveResourceOptions<T, P>): LiveResource<T> {
  const live = inject(LiveService);
  const destroyRef = inject(DestroyRef);
  const value = signal<T | undefined>(undefined);
  const error = signal<ConsoleError | undefined>(undefined);
  const loading = signal(true);
  const receivedAt = signal<number | undefined>(undefined);
  const liveProblem = signal<string | undefined>(undefined);
  const manual = new Subject<void>();
  const params = computed(options.params, { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const pollOption = options.pollMs;
  const pollMs = computed(() => (typeof pollOption === 'function' ? pollOption() : (pollOption ?? 0)));
  // A changed interval starts counting afresh; it does not load by itself.
  const polls = toObservable(pollMs).pipe(switchMap((ms) => (ms > 0 ? timer(ms, ms) : EMPTY)));

  const changes = (topics: string[]): Observable<unknown> => {
    if (topics.length === 0) return EMPTY;
    return merge(...topics.map((topic) => live.watch(topic))).pipe(
      tap((event) => {
        if (event.kind === 'refused') liveProblem.set(`Live updates for ${event.topic} refused: ${event.reason}`);
      }),
      filter((event) => event.kind !== 'refused'),
      auditTime(REFETCH_WINDOW_MS),
    );
  };

  toObservable(params)
    .pipe(
      switchMap((p) => {
        liveProblem.set(undefined);
        return merge(of(null), manual, changes(options.topics(p)), polls).pipe(
          switchMap(() => {
            loading.set(true);
            return options.load(p).pipe(
              map((data) => ({ ok: true as const, data })),
              catchError((e: unknown) => of({ ok: false as const, error: describeError(e) })),
            );
          }),
        );
      }),
      takeUntilDestroyed(destroyRef),
    )
    .subscribe((result) => {
      loading.set(false);
      if (result.ok) {
        value.set(result.data);
        receivedAt.set(Date.now());
        error.set(undefined);
      } else {
        error.set(result.error);
      }
    });

  return {
    value: value.asReadonly(),
    error: error.asReadonly(),
    loading: loading.asReadonly(),
    receivedAt: receivedAt.asReadonly(),
    liveProblem: liveProblem.asReadonly(),
    reload: () => manual.next(),
  };
}
