import type { AlertDirection } from '@switchyard/contracts';

/**
 * Holt's linear trend method (double exponential smoothing, additive trend, no season).
 *
 *   level_t = alpha * y_t + (1 - alpha) * (level_{t-1} + trend_{t-1})
 *   trend_t = beta * (level_t - level_{t-1}) + (1 - beta) * trend_{t-1}
 *   forecast_{t+h} = level_t + h * trend_t
 *
 * Started from level_1 = y_1 and trend_1 = y_2 - y_1. alpha and beta are fitted by a grid
 * search over 0.1..0.9 (step 0.1 each) minimizing the sum of squared one-step-ahead errors.
 * The h-step prediction interval uses the residual standard deviation sigma of those errors
 * and the ETS(A,A,N) variance: sigma^2 * (1 + sum_{j=1}^{h-1} alpha^2 (1 + j beta)^2).
 */
export interface HoltFit {
  alpha: number;
  beta: number;
  level: number;
  trend: number;
  /** Sum of squared one-step-ahead errors. */
  sse: number;
  residualStdDev: number;
  observations: number;
}

export interface HoltForecastStep {
  step: number;
  value: number;
  lower: number;
  upper: number;
}

export const MIN_OBSERVATIONS = 3;
export const HOLT_GRID = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** Two-sided 95 % normal quantile. */
export const Z_95 = 1.959964;

export function holtFit(values: readonly number[], alpha: number, beta: number): HoltFit {
  if (values.length < MIN_OBSERVATIONS) throw new RangeError(`Holt needs at least ${MIN_OBSERVATIONS} observations`);
  let level = values[0];
  let trend = values[1] - values[0];
  let sse = 0;
  let errors = 0;
  for (let t = 1; t < values.length; t += 1) {
    const predicted = level + trend;
    if (t >= 2) {
      sse += (values[t] - predicted) ** 2;
      errors += 1;
    }
    const nextLevel = alpha * values[t] + (1 - alpha) * predicted;
    trend = beta * (nextLevel - level) + (1 - beta) * trend;
    level = nextLevel;
  }
  return {
    alpha,
    beta,
    level,
    trend,
    sse,
    residualStdDev: Math.sqrt(sse / Math.max(1, errors)),
    observations: values.length,
  };
}

/** The (alpha, beta) of the grid with the least one-step-ahead SSE; ties keep the smoother pair. */
export function fitHolt(values: readonly number[], grid: readonly number[] = HOLT_GRID): HoltFit {
  let best: HoltFit | null = null;
  for (const alpha of grid) {
    for (const beta of grid) {
      const fit = holtFit(values, alpha, beta);
      if (!best || fit.sse < best.sse - 1e-12) best = fit;
    }
  }
  return best as HoltFit;
}

export function forecastHolt(fit: HoltFit, horizon: number, z = Z_95): HoltForecastStep[] {
  const steps: HoltForecastStep[] = [];
  let varianceFactor = 1;
  for (let h = 1; h <= horizon; h += 1) {
    if (h > 1) varianceFactor += fit.alpha ** 2 * (1 + (h - 1) * fit.beta) ** 2;
    const value = fit.level + h * fit.trend;
    const half = z * fit.residualStdDev * Math.sqrt(varianceFactor);
    steps.push({ step: h, value, lower: value - half, upper: value + half });
  }
  return steps;
}

/**
 * Steps from the last observation until the trend line level + h * trend reaches the
 * threshold: 0 when already there, null when the trend never gets there.
 */
export function stepsUntilThreshold(
  level: number,
  trend: number,
  threshold: number,
  direction: AlertDirection,
): number | null {
  const gap = direction === 'above' ? threshold - level : level - threshold;
  if (gap <= 0) return 0;
  const towards = direction === 'above' ? trend : -trend;
  return towards > 0 ? gap / towards : null;
}
