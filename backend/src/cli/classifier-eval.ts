import type { GoldenCase } from '@switchyard/contracts';
import { readFileSync } from 'node:fs';
import { evaluateGoldenSet } from '../integrations/classifier/golden-eval';

/**
 * `npm run classifier:eval [-- path/to/cases.json]`: scores the rule classifier's
 * categories against a labelled golden set; exits 1 below 90 % overall.
 */
const DEFAULT_SET = 'backend/src/integrations/classifier/golden-set.json';
const THRESHOLD = 0.9;

const path = process.argv[2] ?? DEFAULT_SET;
const report = evaluateGoldenSet(JSON.parse(readFileSync(path, 'utf8')) as GoldenCase[]);
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const lines = [
  `Classifier golden set: ${path}`,
  '',
  'category              cases  correct  accuracy',
  ...report.perCategory.map(
    (c) =>
      `${c.category.padEnd(20)}  ${String(c.cases).padStart(5)}  ${String(c.correct).padStart(7)}  ${
        c.accuracy === null ? '      -' : percent(c.accuracy).padStart(8)
      }`,
  ),
  '',
  `overall: ${report.correct}/${report.cases} = ${percent(report.accuracy)} (threshold ${percent(THRESHOLD)})`,
  ...(report.misses.length > 0 ? ['', 'misses:'] : []),
  ...report.misses.map((m) => `  ${m.id}: expected ${m.expected}, got ${m.got} — ${m.message}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(report.accuracy >= THRESHOLD ? 0 : 1);
