import { isApiErrorResponse } from './errors';

describe('isApiErrorResponse', () => {
  it('accepts the API error envelope', () => {
    const body = {
      error: { code: 'NOT_FOUND', message: 'Project p-9 does not exist', traceId: 't-1' },
      generatedAt: '2026-11-26T10:00:00.000Z',
    };
    expect(isApiErrorResponse(body)).toBe(true);
  });

  it.each([null, 'text', { error: 'boom' }, { error: { code: 7, message: 'x' } }, { data: [] }])(
    'rejects %p',
    (value) => {
      expect(isApiErrorResponse(value)).toBe(false);
    },
  );
});
