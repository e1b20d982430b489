import { assertSafeJsonBody, MAX_JSON_DEPTH } from './json-body-guard';

const check = (text: string) => () => assertSafeJsonBody(Buffer.from(text, 'utf8'));

describe('assertSafeJsonBody', () => {
  it('accepts ordinary JSON, including escaped backslashes and brackets inside strings', () => {
    expect(check('{"a":[1,{"b":"x"}],"c":"\\\\u0000 is text here","d":"[[[[{{{{"}')).not.toThrow();
    const limit = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(check(limit)).not.toThrow();
  });

  it('refuses nesting past the limit with a validation error', () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    expect(check(deep)).toThrow(expect.objectContaining({ status: 400, code: 'VALIDATION_FAILED' }) as Error);
    expect(check(`[${'['.repeat(MAX_JSON_DEPTH)}]`)).toThrow(/nest/);
  });

  it('refuses an escaped or raw NUL anywhere in a string', () => {
    expect(check('{"name":"a\\u0000b"}')).toThrow(/NUL/);
    expect(check('{"a\\u0000":1}')).toThrow(/NUL/);
    expect(check('{"name":"a\u0000b"}')).toThrow(/NUL/);
  });
});
