// `npm run bench`: builds the backend, runs every benchmark in bench/ (or the ones
// named on the command line, e.g. `npm run bench -- b4`), prints each figure beside
// its bare baseline and writes bench/results/latest.json and latest.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync('npx', ['nx', 'run', 'backend:build', '--output-style=static'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const wanted = process.argv.slice(2).map((name) => name.toLowerCase());
const files = readdirSync('bench')
  .filter((file) => file.endsWith('.bench.cjs'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();

const results = [];
for (const file of files) {
  process.stdout.write(`\n--- ${file} ---\n`);
  const result = await require(join(process.cwd(), 'bench', file)).run();
  results.push(result);
  for (const f of result.figures) {
    process.stdout.write(
      `${result.id}  ${f.name}: ${f.value} ${f.unit}  |  ${f.baseline.name}: ${f.baseline.value} ${f.baseline.unit}  |  ratio ${f.ratio ?? 'n/a (below resolution)'}\n`,
    );
  }
}

// A partial run (`npm run bench -- b3`) replaces only its own benchmarks in the saved results.
let previous = [];
try {
  previous = JSON.parse(readFileSync('bench/results/latest.json', 'utf8')).results ?? [];
} catch {
  previous = [];
}
const merged = [...previous.filter((p) => !results.some((r) => r.id === p.id)), ...results].sort((a, b) =>
  a.id.localeCompare(b.id),
);
results.splice(0, results.length, ...merged);

const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
const report = { measuredAt: new Date().toISOString(), machine, results };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
const lines = [
  `Measured ${report.measuredAt} on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}.`,
  '',
  '| id | figure | value | bare baseline | baseline value | ratio |',
  '| --- | --- | --- | --- | --- | --- |',
  ...results.flatMap((r) =>
    r.figures.map(
      (f) =>
        `| ${r.id} | ${f.name} | ${f.value} ${f.unit} | ${f.baseline.name} | ${f.baseline.value} ${f.baseline.unit} | ${f.ratio ?? 'n/a'} |`,
    ),
  ),
];
writeFileSync('bench/results/latest.md', `${lines.join('\n')}\n`);
process.stdout.write(`\n${lines.join('\n')}\n`);

// docs/performance.md shows this table, between its markers.
const page = readFileSync('docs/performance.md', 'utf8');
const marked = /(<!-- bench-table:start -->\n)[\s\S]*?(\n<!-- bench-table:end -->)/;
if (marked.test(page)) {
  writeFileSync(
    'docs/performance.md',
    page.replace(marked, (_, start, end) => `${start}${lines.join('\n')}${end}`),
  );
  spawnSync('npx', ['prettier', '--write', 'docs/performance.md'], { stdio: 'ignore' });
  process.stdout.write('updated the table in docs/performance.md\n');
}
