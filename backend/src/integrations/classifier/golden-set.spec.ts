import type { GoldenCase } from '@switchyard/contracts';
import { FAILURE_CATEGORIES, INTEGRATIONS } from '@switchyard/contracts';
import { join } from 'node:path';
import { DEV_SET_FILE, evaluateGoldenSet, HELD_OUT_SET_FILE, readGoldenSet } from './golden-eval';

/**
 * Every labelled case seen while writing the rules: the first set, the former held-out sets 1–5
 * (each evaluated once, then read), and cases written from vendor catalogues.
 */
const dev = readGoldenSet(join(__dirname, DEV_SET_FILE)) ?? [];
/**
 * The blind held-out 6 set, written by someone else from the vendors' documentation without
 * reading the rules or the other sets, and merged in separately: the rules are never tuned
 * against it. Until it is merged, the held-out tests below fail on its absence (not skipped).
 */
const heldOutSet = readGoldenSet(join(__dirname, HELD_OUT_SET_FILE));
const heldOutPresent = heldOutSet !== null;
const heldOut = heldOutSet ?? [];

/** Measured on the development set (952/963 = 98.9 %) minus one miss (951/963 = 98.75 %). */
const DEV_FLOOR = 0.987;
/**
 * What the rules measured on the blind set when it was evaluated once (100/110 = 90.9 %; the bar
 * of `npm run classifier:eval` is 90 %), minus one miss (99/110 = 90.0 %): a floor against
 * regressions. The set has been seen since; it is not tuned against.
 */
const HELD_OUT_FLOOR = 0.9;

describe('classifier golden set', () => {
  it('holds at least 400 labelled development cases across all five integrations, with unique ids', () => {
    expect(dev.length).toBeGreaterThanOrEqual(400);
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

  it(`holds a blind held-out set (${HELD_OUT_SET_FILE}) of at least 60 events across all five integrations`, () => {
    expect(heldOutPresent).toBe(true);
    expect(heldOut.length).toBeGreaterThanOrEqual(60);
    expect(new Set(heldOut.map((c) => c.integration))).toEqual(new Set(INTEGRATIONS));
  });

  it(`the rules get at least ${HELD_OUT_FLOOR * 100} % of the blind held-out set right`, () => {
    expect(heldOutPresent).toBe(true);
    expect(evaluateGoldenSet(heldOut).accuracy).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });

  it('on the blind held-out set too, never marks a 429 or 503 not retryable, nor a decline or compliance violation retryable', () => {
    expect(heldOutPresent).toBe(true);
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
