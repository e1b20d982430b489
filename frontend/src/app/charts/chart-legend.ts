import type { EChartsCoreOption } from 'echarts/core';
import type { Theme } from '../core/theme.service';
import { SERIES_COLORS, resolveColor } from './palette';

export interface LegendItem {
  name: string;
  color: string;
}

interface SeriesLike {
  name?: string;
  type?: string;
  data?: unknown[];
  color?: string;
  itemStyle?: { color?: unknown };
  lineStyle?: { color?: unknown };
}

const seriesOf = (options: EChartsCoreOption): SeriesLike[] => {
  const series = (options as { series?: SeriesLike | SeriesLike[] }).series;
  return series === undefined ? [] : Array.isArray(series) ? series : [series];
};

const colorOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The legend of a chart, drawn by the page rather than inside the canvas so it wraps instead
 * of paging: a pie's slices, or the named series of the others. `legend.data`, when the options
 * give it, says which names to list. The colours are the ones the chart draws with.
 */
export function legendItems(options: EChartsCoreOption, theme: Theme): LegendItem[] {
  const palette = (options as { color?: string[] }).color ?? SERIES_COLORS[theme];
  const listed = (options as { legend?: { data?: string[] } }).legend?.data;
  const items: LegendItem[] = [];
  seriesOf(options).forEach((series, index) => {
    if (series.type === 'pie' || series.type === 'heatmap') {
      if (series.type === 'heatmap') return;
      (series.data ?? []).forEach((datum, slice) => {
        const d = datum as { name?: string; itemStyle?: { color?: unknown } };
        if (!d.name) return;
        const color = colorOf(d.itemStyle?.color) ?? palette[slice % palette.length];
        items.push({ name: d.name, color: resolveColor(color, theme) });
      });
      return;
    }
    if (!series.name) return;
    const color =
      colorOf(series.itemStyle?.color) ??
      colorOf(series.color) ??
      colorOf(series.lineStyle?.color) ??
      palette[index % palette.length];
    items.push({ name: series.name, color: resolveColor(color, theme) });
  });
  return listed ? items.filter((item) => listed.includes(item.name)) : items;
}

/** True when no series has a value other than zero: the chart would be an empty frame. */
export function hasNoData(options: EChartsCoreOption): boolean {
  return !seriesOf(options).some((series) => (series.data ?? []).some((datum) => nonZero(datum)));
}

function nonZero(datum: unknown): boolean {
  if (typeof datum === 'number') return Number.isFinite(datum) && datum !== 0;
  if (Array.isArray(datum)) {
    // [x, y] pairs and [x, y, value] heat-map cells: the last entry is the value.
    return datum.length > 1 && nonZero(datum[datum.length - 1]);
  }
  if (datum && typeof datum === 'object' && 'value' in datum) return nonZero(datum.value);
  return false;
}
