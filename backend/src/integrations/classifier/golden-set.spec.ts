import type { GoldenCase } from '@switchyard/contracts';
import { FAILURE_CATEGORIES, INTEGRATIONS } from '@switchyard/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateGoldenSet } from './golden-eval';

const load = (file: string) => JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as GoldenCase[];
/** Every labelled case seen while writing the rules: the first set plus the former held-out and held-out 2 parts. */
const dev = load('golden-set.json');
/**
 * The blind held-out set, written from the vendors' documentation without reading the rules or
 * the other sets, committed before the rule changes of 2026-12-02 and evaluated once after them.
 * Never tune the rules against it: a case learnt from it moves to the development set, and a new
 * blind set takes its place.
 */
const heldOut = load('golden-set.held-out-3.json');

/** Measured on the development set (285/289 = 98.6 %) minus one miss (284/289 = 98.3 %). */
const DEV_FLOOR = 0.982;
/**
 * What the rules honestly reach on the blind set, measured once: 71/80 = 88.8 %, below the 90 %
 * the CLI (`npm run classifier:eval`) holds them to; the floor is that minus one miss (70/80).
 */
const HELD_OUT_FLOOR = 0.875;

describe('classifier golden set', () => {
  it('holds at least 280 labelled development cases across all five integrations, with unique ids', () => {
    expect(dev.length).toBeGreaterThanOrEqual(280);
    expect(new Set(dev.map((c) => c.integration))).toEqual(new Set(INTEGRATIONS));
    const all = [...dev, ...heldOut];
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const item of all) expect(FAILURE_CATEGORIES).toContain(item.expected.category);
  });

  it(`the rules get at least ${DEV_FLOOR * 100} % of the development set right`, () => {
    expect(evaluateGoldenSet(dev).accuracy).toBeGreaterThanOrEqual(DEV_FLOOR);
  });

  it('on the development set, never marks a 429 or 503 not retryable, nor a decline or compliance violation retryable', () => {
    expect(evaluateGoldenSet(dev).retryViolations).toEqual([]);
  });

  it('holds a blind held-out set of at least 60 events across all five integrations', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(60);
    expect(new Set(heldOut.map((c) => c.integration))).toEqual(new Set(INTEGRATIONS));
  });

  it(`the rules get at least ${HELD_OUT_FLOOR * 100} % of the blind held-out set right`, () => {
    expect(evaluateGoldenSet(heldOut).accuracy).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });

  it('on the blind held-out set too, never marks a 429 or 503 not retryable, nor a decline or compliance violation retryable', () => {
    expect(evaluateGoldenSet(heldOut).retryViolations).toEqual([]);
  });

  it('scores a wrong label as a miss, per category and overall', () => {
    const [first] = dev;
    const wrong: GoldenCase = {
      ...first,
      expected: { category: first.expected.category === 'auth' ? 'compliance' : 'auth' },
    };
    const report = evaluateGoldenSet([first, wrong]);
    expect(report.correct).toBe(1);
    expect(report.accuracy).toBe(0.5);
    expect(report.misses).toHaveLength(1);
  });

  it('keeps a 429 retryable whatever its text says', () => {
    const bad: GoldenCase = {
      id: 'probe',
      integration: 'procore',
      eventType: 'project.sync',
      error: { message: 'Project 12 is archived', httpStatus: 429 },
      expected: { category: 'data_state_mismatch' },
    };
    expect(evaluateGoldenSet([bad]).retryViolations).toEqual([]);
  });
});
