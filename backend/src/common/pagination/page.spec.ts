import { DEFAULT_PAGE_SIZE } from '@switchyard/contracts';
import { resolvePage, toPage } from './page';

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

describe('resolvePage with a blueprint default', () => {
  it('uses the offset-style default when only offset is sent', () => {
    expect(resolvePage({ offset: 0 }, { offsetStyleSize: 100 })).toEqual({ page: 1, pageSize: 100, offset: 0 });
  });

  it('keeps the product default for page-style requests', () => {
    expect(resolvePage({ page: 2 }, { offsetStyleSize: 100 })).toEqual({
      page: 2,
      pageSize: DEFAULT_PAGE_SIZE,
      offset: DEFAULT_PAGE_SIZE,
    });
  });
});

describe('toPage', () => {
  it('says whether more rows follow', () => {
    expect(toPage({ page: 1, pageSize: 2, offset: 0 }, ['a', 'b'], 3).hasMore).toBe(true);
    expect(toPage({ page: 2, pageSize: 2, offset: 2 }, ['c'], 3).hasMore).toBe(false);
    expect(toPage({ page: 9, pageSize: 2, offset: 16 }, [], 3).hasMore).toBe(false);
  });
});
