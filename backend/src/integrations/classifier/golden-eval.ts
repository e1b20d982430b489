import type { FailureCategory, GoldenCase } from '@switchyard/contracts';
import { FAILURE_CATEGORIES } from '@switchyard/contracts';
import { categorize } from './category-rules';

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
}

/** Scores the rules' category against the golden set's labels. */
export function evaluateGoldenSet(cases: GoldenCase[]): EvalReport {
  const misses: EvalReport['misses'] = [];
  const tally = new Map<FailureCategory, { cases: number; correct: number }>();
  for (const item of cases) {
    const got = categorize({
      integration: item.integration,
      eventType: item.eventType,
      message: item.error.message,
      code: item.error.code ?? null,
      httpStatus: item.error.httpStatus ?? null,
    }).category;
    const expected = item.expected.category;
    const entry = tally.get(expected) ?? { cases: 0, correct: 0 };
    entry.cases += 1;
    if (got === expected) entry.correct += 1;
    else misses.push({ id: item.id, expected, got, message: item.error.message });
    tally.set(expected, entry);
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
  };
}
