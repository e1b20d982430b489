import { computed, inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { map } from 'rxjs';

/** One choice of a time-range picker; `value` is what the URL and the API carry. */
export interface RangePreset {
  value: string;
  label: string;
}

/** A relative window for metric series: how far back from now, and the bucket step the API is asked for. */
export interface SeriesRange extends RangePreset {
  /** Window length in seconds. */
  seconds: number;
  /** Bucket step in seconds (whole minutes or hours use the rollups). */
  step: number;
}

/**
 * The operations center's windows. Each stays within the series API's bucket cap (1440) and
 * its retention: raw points for 24 h (steps under a minute), minute rollups for 7 days.
 */
export const SERIES_RANGES: readonly SeriesRange[] = [
  { value: '15m', label: 'Last 15 minutes', seconds: 900, step: 10 },
  { value: '1h', label: 'Last 1 hour', seconds: 3600, step: 60 },
  { value: '6h', label: 'Last 6 hours', seconds: 21_600, step: 300 },
  { value: '24h', label: 'Last 24 hours', seconds: 86_400, step: 900 },
  { value: '7d', label: 'Last 7 days', seconds: 604_800, step: 3600 },
];

/** A source's run history: every run, or the runs queued in a recent window (`since`). */
export const RUN_RANGES: readonly (RangePreset & { seconds: number | null })[] = [
  { value: 'all', label: 'All runs', seconds: null },
  { value: '1h', label: 'Last 1 hour', seconds: 3600 },
  { value: '24h', label: 'Last 24 hours', seconds: 86_400 },
  { value: '7d', label: 'Last 7 days', seconds: 604_800 },
  { value: '30d', label: 'Last 30 days', seconds: 2_592_000 },
];

/** Auto-refresh intervals, Grafana-style; "off" leaves only live updates. */
export const REFRESH_CHOICES: readonly (RangePreset & { ms: number })[] = [
  { value: 'off', label: 'Off', ms: 0 },
  { value: '10s', label: 'Every 10 s', ms: 10_000 },
  { value: '30s', label: 'Every 30 s', ms: 30_000 },
  { value: '1m', label: 'Every 1 min', ms: 60_000 },
  { value: '5m', label: 'Every 5 min', ms: 300_000 },
];

/** A page's chosen range and auto-refresh, kept in the URL query (`?range=6h&refresh=30s`). */
export interface TimeRangeState {
  readonly presets: readonly RangePreset[];
  /** The chosen range's value; the default when the URL has none or one not offered. */
  readonly range: Signal<string>;
  /** The chosen auto-refresh's value ("off" by default). */
  readonly refresh: Signal<string>;
  /** The auto-refresh interval in ms, 0 when off. */
  readonly refreshMs: Signal<number>;
  setRange(value: string): void;
  setRefresh(value: string): void;
}

export const RANGE_PARAM = 'range';
export const REFRESH_PARAM = 'refresh';

/** The offered value, else the fallback (a hand-edited or stale link does not break the page). */
export function pickOffered(
  value: string | null | undefined,
  offered: readonly RangePreset[],
  fallback: string,
): string {
  return value && offered.some((p) => p.value === value) ? value : fallback;
}

/**
 * The range and auto-refresh of this page, read from and written to the URL query so a link
 * opens the same view; the browser history is not grown by each change. Call in an injection
 * context (a component's field initializer).
 */
export function timeRangeState(presets: readonly RangePreset[], defaultRange: string): TimeRangeState {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const query = toSignal(
    route.queryParamMap.pipe(map((q) => ({ range: q.get(RANGE_PARAM), refresh: q.get(REFRESH_PARAM) }))),
    {
      initialValue: {
        range: route.snapshot.queryParamMap.get(RANGE_PARAM),
        refresh: route.snapshot.queryParamMap.get(REFRESH_PARAM),
      },
    },
  );
  const range = computed(() => pickOffered(query().range, presets, defaultRange));
  const refresh = computed(() => pickOffered(query().refresh, REFRESH_CHOICES, 'off'));
  const refreshMs = computed(() => REFRESH_CHOICES.find((c) => c.value === refresh())?.ms ?? 0);
  const write = (params: Record<string, string | null>) =>
    void router.navigate([], {
      relativeTo: route,
      queryParams: params,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  return {
    presets,
    range,
    refresh,
    refreshMs,
    setRange: (value) => write({ [RANGE_PARAM]: pickOffered(value, presets, defaultRange) }),
    setRefresh: (value) => {
      const chosen = pickOffered(value, REFRESH_CHOICES, 'off');
      write({ [REFRESH_PARAM]: chosen === 'off' ? null : chosen });
    },
  };
}
