import type { AlertSeverity } from './ops-alerts';

/** Forecasts of a metric (Holt's linear trend) and when they cross an alert threshold. */

export interface ForecastPoint {
  at: string;
  value: number;
  lower: number;
  upper: number;
}

export interface ThresholdCrossing {
  severity: AlertSeverity;
  threshold: number;
  /** Seconds from the last observation until the trend crosses the threshold; null if it does not. */
  secondsUntil: number | null;
  at: string | null;
}

export interface MetricForecast {
  metric: string;
  model: 'holt-linear-trend';
  alpha: number;
  beta: number;
  stepSeconds: number;
  horizon: number;
  /** Confidence of the prediction interval. */
  intervalLevel: number;
  residualStdDev: number;
  observations: number;
  level: number;
  trendPerStep: number;
  points: ForecastPoint[];
  crossings: ThresholdCrossing[];
  generatedAt: string;
}
