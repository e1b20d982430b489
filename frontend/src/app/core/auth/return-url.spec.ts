import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each([
    ['/system', '/system'],
    ['/system?tab=db#top', '/system?tab=db#top'],
    ['/portfolio/projects/p-7', '/portfolio/projects/p-7'],
  ])('keeps the same-origin path %s', (value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['system'],
    ['https://evil.example/'],
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['javascript:alert(1)'],
    ['/login'],
    ['/login?returnUrl=%2Fsystem'],
  ])('sends %j home instead', (value) => {
    expect(safeReturnUrl(value)).toBe('/');
  });
});
