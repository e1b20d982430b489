import type { GoldenCase } from '@switchyard/contracts';
import { FAILURE_CATEGORIES, INTEGRATIONS } from '@switchyard/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateGoldenSet } from './golden-eval';

const cases = JSON.parse(readFileSync(join(__dirname, 'golden-set.json'), 'utf8')) as GoldenCase[];

describe('classifier golden set', () => {
  it('holds at least 60 labelled cases across all five integrations, with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.integration))).toEqual(new Set(INTEGRATIONS));
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const item of cases) expect(FAILURE_CATEGORIES).toContain(item.expected.category);
  });

  it('the rules get at least 90 % of the categories right', () => {
    const report = evaluateGoldenSet(cases);
    expect(report.misses.length).toBeLessThanOrEqual(Math.floor(cases.length * 0.1));
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('scores a wrong label as a miss, per category and overall', () => {
    const [first] = cases;
    const wrong: GoldenCase = {
      ...first,
      expected: { category: first.expected.category === 'auth' ? 'compliance' : 'auth' },
    };
    const report = evaluateGoldenSet([first, wrong]);
    expect(report.correct).toBe(1);
    expect(report.accuracy).toBe(0.5);
    expect(report.misses).toHaveLength(1);
  });
});
