import { formatCount, formatMoney, formatPercent, formatRatio } from './format-number';

describe('number formatting', () => {
  it('shows money compactly and a dash when missing', () => {
    expect(formatMoney(1_250_000)).toBe('$1.3M');
    expect(formatMoney(null)).toBe('—');
  });

  it('shows percents, ratios and counts', () => {
    expect(formatPercent(12.345)).toBe('12.3 %');
    expect(formatRatio(0.9512)).toBe('0.95');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatPercent(undefined)).toBe('—');
  });
});
