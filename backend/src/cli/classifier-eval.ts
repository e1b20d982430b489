import { join } from 'node:path';
import {
  DEV_SET_FILE,
  evaluateGoldenSet,
  HELD_OUT_SET_FILE,
  readGoldenSet,
  type EvalReport,
} from '../integrations/classifier/golden-eval';

/**
 * `npm run classifier:eval [-- dev.json held-out.json]`: scores the rule classifier against
 * the development set (every labelled case the rules' authors have seen, including the former
 * held-out sets 1–5) and, when it exists, the blind held-out 6 set
 * (written by someone else without reading the rules or the other sets), and checks the retry
 * rules on both. Exits 1 when the held-out set is missing, its accuracy is below 90 %, or any
 * retry rule is broken.
 */
const DIR = 'backend/src/integrations/classifier';
const DEV_SET = process.argv[2] ?? join(DIR, DEV_SET_FILE);
const HELD_OUT_SET = process.argv[3] ?? join(DIR, HELD_OUT_SET_FILE);
const THRESHOLD = 0.9;

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

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

const devSet = readGoldenSet(DEV_SET);
if (!devSet) {
  process.stderr.write(`development set not found: ${DEV_SET}\n`);
  process.exit(1);
}
const dev = evaluateGoldenSet(devSet);
const heldOutSet = readGoldenSet(HELD_OUT_SET);
const heldOut = heldOutSet ? evaluateGoldenSet(heldOutSet) : null;
const lines = [
  ...describe('Development set (every case seen while writing the rules)', DEV_SET, dev),
  ...(heldOut
    ? [
        ...describe('Held-out set (written blind, evaluated once)', HELD_OUT_SET, heldOut),
        `held-out accuracy ${percent(heldOut.accuracy)} (threshold ${percent(THRESHOLD)}); dev ${percent(dev.accuracy)}`,
      ]
    : [`held-out: not present (${HELD_OUT_SET}); dev ${percent(dev.accuracy)}`]),
];
process.stdout.write(`${lines.join('\n')}\n`);
const violations = dev.retryViolations.length + (heldOut?.retryViolations.length ?? 0);
const ok = heldOut !== null && heldOut.accuracy >= THRESHOLD && violations === 0;
process.exit(ok ? 0 : 1);
