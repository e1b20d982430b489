const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** $1.2M style amounts; a dash for a missing one. */
export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : money.format(value);
}

/** 12.5 → "12.5 %"; a dash for a missing one. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(digits)} %`;
}

/** A ratio such as CPI to two places; a dash for a missing one. */
export function formatRatio(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : whole.format(value);
}

/** "26 Nov 2026, 14:05 CET" in the viewer's zone, with the zone named (see format-time). */
export { formatDateTime } from './format-time';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' });
}
