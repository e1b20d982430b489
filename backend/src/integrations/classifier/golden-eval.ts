import type { FailureCategory, GoldenCase } from '@switchyard/contracts';
import { FAILURE_CATEGORIES } from '@switchyard/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { classifyByRules } from './classify';

/** The development set, and the blind held-out set that is merged in separately (absent until then). */
export const DEV_SET_FILE = 'golden-set.json';
export const HELD_OUT_SET_FILE = 'golden-set.held-out-6.json';

/** Reads a golden set file; null when it does not exist (a held-out set not merged in yet). */
export function readGoldenSet(path: string): GoldenCase[] | null {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as GoldenCase[];
}

export interface CategoryScore {
  category: FailureCategory;
  cases: number;
  correct: number;
  accuracy: number | null;
}

export interface EvalReport {
  cases: number;
  correct: number;
  accuracy: number;
  perCategory: CategoryScore[];
  misses: Array<{ id: string; expected: FailureCategory; got: FailureCategory; message: string }>;
  /** Cases whose labelled retryability the classifier got wrong. */
  retryMisses: Array<{ id: string; expected: boolean; got: boolean }>;
  /** The hard rules: a 429 or 503 judged not retryable, or a decline or compliance violation judged retryable. */
  retryViolations: string[];
}

const EVAL_NOW = new Date('2026-01-15T12:00:00Z');

/** Scores the rules' category (and retryability, where labelled) against the golden set's labels. */
export function evaluateGoldenSet(cases: GoldenCase[]): EvalReport {
  const misses: EvalReport['misses'] = [];
  const retryMisses: EvalReport['retryMisses'] = [];
  const retryViolations: string[] = [];
  const tally = new Map<FailureCategory, { cases: number; correct: number }>();
  for (const item of cases) {
    const verdict = classifyByRules(
      {
        integration: item.integration,
        eventType: item.eventType,
        message: item.error.message,
        code: item.error.code ?? null,
        httpStatus: item.error.httpStatus ?? null,
      },
      EVAL_NOW,
    );
    const expected = item.expected.category;
    const entry = tally.get(expected) ?? { cases: 0, correct: 0 };
    entry.cases += 1;
    if (verdict.category === expected) entry.correct += 1;
    else misses.push({ id: item.id, expected, got: verdict.category, message: item.error.message });
    tally.set(expected, entry);
    const wanted = item.expected.retryable;
    if (wanted !== undefined && wanted !== verdict.retryable) {
      retryMisses.push({ id: item.id, expected: wanted, got: verdict.retryable });
    }
    if (breaksRetryRule(item, verdict.category, verdict.retryable)) retryViolations.push(item.id);
  }
  const correct = cases.length - misses.length;
  return {
    cases: cases.length,
    correct,
    accuracy: cases.length === 0 ? 0 : correct / cases.length,
    perCategory: FAILURE_CATEGORIES.map((category) => {
      const entry = tally.get(category) ?? { cases: 0, correct: 0 };
      return { ...entry, category, accuracy: entry.cases === 0 ? null : entry.correct / entry.cases };
    }),
    misses,
    retryMisses,
    retryViolations,
  };
}

function breaksRetryRule(item: GoldenCase, got: FailureCategory, retryable: boolean): boolean {
  const status = item.error.httpStatus;
  if ((status === 429 || status === 503) && !retryable) return true;
  const decline = item.expected.category === 'spending_control' || got === 'spending_control';
  const violation = item.expected.category === 'compliance' || got === 'compliance';
  return (decline || violation) && retryable;
}
