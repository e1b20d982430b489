import type { RiskView } from '@switchyard/contracts';
import { healthBand, riskMatrix } from './portfolio-charts';

describe('portfolio chart helpers', () => {
  it('puts health scores into bands', () => {
    expect([0, 39, 40, 79, 80, 100].map(healthBand)).toEqual(['0–39', '0–39', '40–59', '60–79', '80–100', '80–100']);
  });

  it('counts risks per probability × impact cell', () => {
    const risk = (probability: number, impact: number) => ({ probability, impact }) as RiskView;
    const cells = riskMatrix([risk(5, 4), risk(5, 4), risk(1, 1)]);
    expect(cells).toHaveLength(25);
    expect(cells.find(([p, i]) => p === 4 && i === 3)?.[2]).toBe(2);
    expect(cells.find(([p, i]) => p === 0 && i === 0)?.[2]).toBe(1);
  });
});
