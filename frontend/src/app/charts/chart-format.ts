const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Axis labels such as 1.5M and 300K instead of 1,500,000. */
export function compactNumber(value: number): string {
  return compact.format(value);
}
