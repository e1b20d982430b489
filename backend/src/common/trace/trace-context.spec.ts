import { currentTraceId, resolveTraceId, runWithTrace } from './trace-context';

describe('resolveTraceId', () => {
  it('keeps a well-formed caller id', () => {
    expect(resolveTraceId('req-42.a:b_c')).toBe('req-42.a:b_c');
    expect(resolveTraceId(['first', 'second'])).toBe('first');
  });

  it.each([undefined, '', 'has space', 'x'.repeat(129), '<script>', 42])(
    'generates a fresh id instead of %p',
    (header) => {
      const id = resolveTraceId(header);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(id).not.toBe(header);
    },
  );
});

describe('runWithTrace', () => {
  it('exposes the trace id to everything awaited inside', async () => {
    const seen = await runWithTrace({ traceId: 't-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentTraceId();
    });
    expect(seen).toBe('t-1');
    expect(currentTraceId()).toBeUndefined();
  });
});
