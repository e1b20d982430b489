import { DEFAULT_PAGE_SIZE } from '@switchyard/contracts';
import { resolvePage } from './page';

describe('resolvePage', () => {
  it('defaults to the first page', () => {
    expect(resolvePage({})).toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE, offset: 0 });
  });

  it('turns page and pageSize into an offset', () => {
    expect(resolvePage({ page: 3, pageSize: 10 })).toEqual({ page: 3, pageSize: 10, offset: 20 });
  });

  it('accepts limit and offset as aliases', () => {
    expect(resolvePage({ limit: 10, offset: 30 })).toEqual({ page: 4, pageSize: 10, offset: 30 });
  });

  it('prefers page over offset when both are sent', () => {
    expect(resolvePage({ page: 2, limit: 5, offset: 100 })).toEqual({ page: 2, pageSize: 5, offset: 5 });
  });
});
