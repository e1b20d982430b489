import { fitHolt, forecastHolt, holtFit, stepsUntilThreshold } from './holt';

describe("Holt's linear trend", () => {
  it('forecasts a noisy linear series within 2 % of the true line, 10 steps ahead', () => {
    // y = 40 + 0.5 t with a deterministic +-0.3 wiggle.
    const values = Array.from({ length: 60 }, (_, t) => 40 + 0.5 * t + 0.3 * Math.sin(t * 1.7));
    const fit = fitHolt(values);
    const [, , , , , , , , , tenth] = forecastHolt(fit, 10);
    const truth = 40 + 0.5 * 69;
    expect(Math.abs(tenth.value - truth) / truth).toBeLessThan(0.02);
    expect(fit.trend).toBeCloseTo(0.5, 1);
    expect(tenth.lower).toBeLessThan(truth);
    expect(tenth.upper).toBeGreaterThan(truth);
  });

  it('reproduces an exact line with zero residuals and a zero-width interval', () => {
    const fit = holtFit([10, 12, 14, 16, 18], 0.5, 0.5);
    expect(fit.level).toBeCloseTo(18, 10);
    expect(fit.trend).toBeCloseTo(2, 10);
    expect(fit.residualStdDev).toBeCloseTo(0, 10);
    expect(forecastHolt(fit, 3).map((p) => p.value)).toEqual([20, 22, 24].map((v) => expect.closeTo(v, 10) as unknown));
  });

  it('widens the prediction interval with the horizon', () => {
    const values = [5, 7, 6, 9, 8, 11, 10, 13, 12, 15];
    const steps = forecastHolt(fitHolt(values), 5);
    const widths = steps.map((s) => s.upper - s.lower);
    for (let i = 1; i < widths.length; i += 1) expect(widths[i]).toBeGreaterThan(widths[i - 1]);
  });

  it('follows the stated interval formula', () => {
    const fit = { alpha: 0.5, beta: 0.2, level: 100, trend: 1, sse: 0, residualStdDev: 2, observations: 10 };
    const [first, second] = forecastHolt(fit, 2, 2);
    expect(first.upper - first.value).toBeCloseTo(4, 10);
    // sqrt(1 + 0.25 * 1.2^2) = sqrt(1.36)
    expect(second.upper - second.value).toBeCloseTo(4 * Math.sqrt(1.36), 10);
  });

  it('computes time until threshold on a worked example', () => {
    // CPU at 60 % rising 0.5 points per one-minute step: warning 70 in 20 steps (1,200 s),
    // critical 85 in 50 steps (3,000 s).
    expect(stepsUntilThreshold(60, 0.5, 70, 'above')).toBe(20);
    expect(stepsUntilThreshold(60, 0.5, 85, 'above')).toBe(50);
    // Success rate 96 % falling 0.25 per step: warning 90 in 24 steps.
    expect(stepsUntilThreshold(96, -0.25, 90, 'below')).toBe(24);
    expect(stepsUntilThreshold(60, -0.5, 70, 'above')).toBeNull();
    expect(stepsUntilThreshold(75, 0, 70, 'above')).toBe(0);
  });

  it('refuses fewer than three observations', () => {
    expect(() => holtFit([1, 2], 0.5, 0.5)).toThrow(RangeError);
  });
});
