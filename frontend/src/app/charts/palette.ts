import type { Theme } from '../core/theme.service';

/**
 * The console's colour scales, one per meaning:
 * - tones: status colours, the same as the badges (styles.css: --sy-ok, --sy-warn, --sy-bad,
 *   --sy-severe, --sy-accent for "info", --sy-muted for "neutral"); a chart showing a status
 *   uses these. "severe" sits between warn and bad, for a scale with two grades above warning
 *   (incident severity: critical is bad, high is severe).
 * - categories: a fixed list; a category's colour follows from its name, so "Referral" has the
 *   same colour for every brand and in every chart.
 * Chart options name colours as tokens ("tone:ok", "category:1"); the chart component
 * resolves them for the theme on screen.
 */
export type Tone = 'ok' | 'warn' | 'bad' | 'severe' | 'info' | 'neutral';

export const TONE_COLORS: Record<Theme, Record<Tone, string>> = {
  light: { ok: '#1f7a4d', warn: '#a86400', bad: '#b3261e', severe: '#c2410c', info: '#0f6aa8', neutral: '#5b6878' },
  dark: { ok: '#5fd39b', warn: '#f0b24a', bad: '#f48a80', severe: '#fb8c3c', info: '#6cb6f0', neutral: '#a3b1c0' },
};

/** Series colours when nothing else decides: the charts' default palette per theme. */
export const SERIES_COLORS: Record<Theme, string[]> = {
  light: ['#0f6aa8', '#6b4fa0', '#2a8c8c', '#c2185b', '#7a6a00', '#455a64'],
  dark: ['#5aa9e6', '#b39ddb', '#4dd0c8', '#f48fb1', '#e6d36a', '#b0bec5'],
};

/** Category colours, none of them a status colour (no green, amber or red), distinguishable in both themes. */
export const CATEGORY_COLORS: Record<Theme, string[]> = {
  light: ['#0f6aa8', '#6b4fa0', '#2a8c8c', '#c2185b', '#7a6a00', '#455a64', '#8d4b1f', '#3949ab'],
  dark: ['#5aa9e6', '#b39ddb', '#4dd0c8', '#f48fb1', '#e6d36a', '#b0bec5', '#ffab76', '#9fa8f5'],
};

export function tone(value: Tone): string {
  return `tone:${value}`;
}

/**
 * The colour token of a category: its place in `known` (the full list of that kind of
 * category, e.g. every lead source), so a name keeps its colour whatever else a chart shows;
 * a name outside the list gets one from its hash.
 */
export function category(name: string, known: readonly string[] = []): string {
  const index = known.indexOf(name);
  return `category:${index >= 0 ? index % CATEGORY_COLORS.light.length : categoryIndex(name)}`;
}

/** A stable index for a category name (FNV-1a), so the colour depends on the name only. */
export function categoryIndex(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % CATEGORY_COLORS.light.length;
}

/** The colour a token stands for in `theme`; any other string is a colour already. */
export function resolveColor(value: string, theme: Theme): string {
  if (value.startsWith('tone:')) return TONE_COLORS[theme][value.slice(5) as Tone] ?? value;
  if (value.startsWith('category:')) return CATEGORY_COLORS[theme][Number(value.slice(9))] ?? value;
  return value;
}

/** A deep copy of chart options with every colour token resolved for `theme`. */
export function resolveColors<T>(options: T, theme: Theme): T {
  if (typeof options === 'string') return resolveColor(options, theme) as T;
  if (Array.isArray(options)) return options.map((o: unknown) => resolveColors(o, theme)) as T;
  if (options && typeof options === 'object' && Object.getPrototypeOf(options) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) copy[key] = resolveColors(value, theme);
    return copy as T;
  }
  return options;
}
