import type { GoldenCase } from '@switchyard/contracts';
import { readFileSync } from 'node:fs';
import { evaluateGoldenSet, type EvalReport } from '../integrations/classifier/golden-eval';

/**
 * `npm run classifier:eval [-- dev.json held-out.json]`: scores the rule classifier against
 * the development set (every labelled case the rules' authors have seen, including the former
 * held-out and held-out 2 parts) and the blind held-out 3 set (written without reading the rules
 * or the other sets, evaluated once), and checks the retry rules on both. Exits 1 when the
 * held-out accuracy is below 90 % or any retry rule is broken.
 */
const DEV_SET = process.argv[2] ?? 'backend/src/integrations/classifier/golden-set.json';
const HELD_OUT_SET = process.argv[3] ?? 'backend/src/integrations/classifier/golden-set.held-out-3.json';
const THRESHOLD = 0.9;

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const load = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as GoldenCase[];

function describe(title: string, path: string, report: EvalReport): string[] {
  return [
    `${title}: ${path}`,
    'category              cases  correct  accuracy',
    ...report.perCategory.map(
      (c) =>
        `${c.category.padEnd(20)}  ${String(c.cases).padStart(5)}  ${String(c.correct).padStart(7)}  ${
          c.accuracy === null ? '      -' : percent(c.accuracy).padStart(8)
        }`,
    ),
    `overall: ${report.correct}/${report.cases} = ${percent(report.accuracy)}`,
    `retryable labels wrong: ${report.retryMisses.length}; retry rule violations: ${report.retryViolations.length}`,
    ...report.misses.map((m) => `  miss ${m.id}: expected ${m.expected}, got ${m.got} — ${m.message}`),
    ...report.retryMisses.map((m) => `  retry ${m.id}: expected retryable=${m.expected}, got ${m.got}`),
    ...report.retryViolations.map((id) => `  retry rule violated: ${id}`),
    '',
  ];
}

const dev = evaluateGoldenSet(load(DEV_SET));
const heldOut = evaluateGoldenSet(load(HELD_OUT_SET));
const lines = [
  ...describe('Development set (every case seen while writing the rules)', DEV_SET, dev),
  ...describe('Held-out set (written blind, evaluated once)', HELD_OUT_SET, heldOut),
  `held-out accuracy ${percent(heldOut.accuracy)} (threshold ${percent(THRESHOLD)}); dev ${percent(dev.accuracy)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
const violations = dev.retryViolations.length + heldOut.retryViolations.length;
const ok = heldOut.accuracy >= THRESHOLD && violations === 0;
process.exit(ok ? 0 : 1);
