import { hasNoData, legendItems } from './chart-legend';
import { SERIES_COLORS, TONE_COLORS } from './palette';

describe('chart legend and empty state', () => {
  it('says a chart is empty when every value is missing or zero, in any data shape', () => {
    expect(hasNoData({ series: [] })).toBe(true);
    expect(
      hasNoData({
        series: [
          { type: 'bar', data: [0, 0] },
          { type: 'line', data: [] },
        ],
      }),
    ).toBe(true);
    expect(
      hasNoData({
        series: [
          {
            type: 'heatmap',
            data: [
              [0, 0, 0],
              [1, 2, 0],
            ],
          },
        ],
      }),
    ).toBe(true);
    expect(hasNoData({ series: [{ type: 'pie', data: [{ name: 'A', value: 0 }] }] })).toBe(true);
    expect(hasNoData({ series: [{ type: 'bar', data: [0, 3] }] })).toBe(false);
    expect(hasNoData({ series: [{ type: 'line', data: [[1_700_000_000_000, 52.7]] }] })).toBe(false);
    expect(hasNoData({ series: [{ type: 'pie', data: [{ name: 'A', value: 2 }] }] })).toBe(false);
  });

  it('lists a pie by slice and other charts by series, in the colours drawn, honouring legend.data', () => {
    const pie = legendItems(
      {
        series: [
          {
            type: 'pie',
            data: [
              { name: 'Ok', value: 1, itemStyle: { color: 'tone:ok' } },
              { name: 'B', value: 2 },
            ],
          },
        ],
      },
      'dark',
    );
    expect(pie).toEqual([
      { name: 'Ok', color: TONE_COLORS.dark.ok },
      { name: 'B', color: SERIES_COLORS.dark[1] },
    ]);
    const lines = legendItems(
      {
        legend: { data: ['Actual', 'Critical'] },
        series: [
          { type: 'line', name: 'Actual', data: [] },
          { type: 'line', name: 'Band', data: [] },
          { type: 'line', name: 'Critical', itemStyle: { color: '#c53030' }, data: [] },
        ],
      },
      'light',
    );
    expect(lines).toEqual([
      { name: 'Actual', color: SERIES_COLORS.light[0] },
      { name: 'Critical', color: '#c53030' },
    ]);
  });
});
