import type { GoldenCase } from '@switchyard/contracts';
import { FAILURE_CATEGORIES, INTEGRATIONS } from '@switchyard/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateGoldenSet } from './golden-eval';

const load = (file: string) => JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as GoldenCase[];
const dev = load('golden-set.json');
const heldOut = load('golden-set.held-out.json');
/** Written blind from the vendors' public error vocabulary, without reading the rules or the other sets. */
const heldOut2 = load('golden-set.held-out-2.json');

/** What the rules honestly reach on the held-out set (98.5 % when last measured), with one miss of slack. */
const HELD_OUT_FLOOR = 0.95;
/** Measured once on the blind held-out 2 set (64/82 = 78.0 %), minus one miss (63/82 = 76.8 %); never tuned against. */
const HELD_OUT_2_FLOOR = 0.76;

describe('classifier golden set', () => {
  it('holds at least 200 labelled cases, 60 of them held out, across all five integrations, with unique ids', () => {
    expect(dev.length + heldOut.length).toBeGreaterThanOrEqual(200);
    expect(heldOut.length).toBeGreaterThanOrEqual(60);
    const all = [...dev, ...heldOut, ...heldOut2];
    expect(new Set(heldOut.map((c) => c.integration))).toEqual(new Set(INTEGRATIONS));
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const item of all) expect(FAILURE_CATEGORIES).toContain(item.expected.category);
  });

  it('holds a second, blind held-out set of at least 60 events across all five integrations', () => {
    expect(heldOut2.length).toBeGreaterThanOrEqual(60);
    expect(new Set(heldOut2.map((c) => c.integration))).toEqual(new Set(INTEGRATIONS));
    for (const item of heldOut2) expect(FAILURE_CATEGORIES).toContain(item.expected.category);
  });

  it('the rules get at least 90 % of the development set right', () => {
    expect(evaluateGoldenSet(dev).accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it(`the rules get at least ${HELD_OUT_FLOOR * 100} % of the held-out set right`, () => {
    expect(evaluateGoldenSet(heldOut).accuracy).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });

  it(`the rules get at least ${HELD_OUT_2_FLOOR * 100} % of the blind held-out 2 set right`, () => {
    expect(evaluateGoldenSet(heldOut2).accuracy).toBeGreaterThanOrEqual(HELD_OUT_2_FLOOR);
  });

  it('never marks a 429 or 503 not retryable, nor a decline or compliance violation retryable', () => {
    expect(evaluateGoldenSet(dev).retryViolations).toEqual([]);
    expect(evaluateGoldenSet(heldOut).retryViolations).toEqual([]);
  });

  it('on the blind held-out 2 set too, never marks a 429 or 503 not retryable, nor a decline or compliance violation retryable', () => {
    expect(evaluateGoldenSet(heldOut2).retryViolations).toEqual([]);
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
