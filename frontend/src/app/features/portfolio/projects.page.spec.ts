import { PORTFOLIOS } from '@switchyard/contracts';
import { visiblePortfolios } from './projects.page';

describe('visiblePortfolios', () => {
  it('offers only the portfolios of the data scope, all of them for "*"', () => {
    expect(visiblePortfolios(['Operations'])).toEqual(['Operations']);
    expect(visiblePortfolios('*')).toEqual(PORTFOLIOS);
    expect(visiblePortfolios([])).toEqual([]);
    expect(visiblePortfolios(['Operations', 'Not a portfolio'])).toEqual(['Operations']);
  });
});
