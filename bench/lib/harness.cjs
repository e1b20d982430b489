// Shared helpers for benchmarks: timing, medians and the figure format every
// benchmark returns, so one runner can print them all beside their baselines.
const { performance } = require('node:perf_hooks');

async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * One reported figure: what was measured, its value and unit, the bare baseline
 * measured in the same run, and how the two compare (`higherIsBetter` decides the
 * direction of the ratio, so a ratio below 1 always means "slower than bare"; null when
 * either side rounds to zero).
 */
function figure(name, value, unit, baseline, higherIsBetter) {
  const [top, bottom] = higherIsBetter ? [value, baseline.value] : [baseline.value, value];
  // A baseline that rounds to zero (autocannon reports whole milliseconds) gives no ratio.
  const ratio = bottom > 0 && top > 0 ? top / bottom : null;
  return {
    name,
    value: round(value),
    unit,
    baseline: { ...baseline, value: round(baseline.value) },
    ratio: ratio === null ? null : round(ratio, 3),
  };
}

function round(value, digits = 1) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

module.exports = { timed, median, figure };
