import { Readable } from 'node:stream';
import { stampGeneratedAt } from './generated-at.interceptor';

const now = new Date('2026-11-26T10:00:00.000Z');

describe('stampGeneratedAt', () => {
  it('adds generatedAt to JSON objects', () => {
    expect(stampGeneratedAt({ id: 'a' }, now)).toEqual({ id: 'a', generatedAt: '2026-11-26T10:00:00.000Z' });
  });

  it('keeps a generatedAt the handler set itself', () => {
    expect(stampGeneratedAt({ generatedAt: '2026-01-01T00:00:00.000Z' }, now)).toEqual({
      generatedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('leaves text, buffers and streams alone', () => {
    const stream = Readable.from(['x']);
    expect(stampGeneratedAt('# HELP', now)).toBe('# HELP');
    expect(stampGeneratedAt(stream, now)).toBe(stream);
    expect(Buffer.isBuffer(stampGeneratedAt(Buffer.from('x'), now))).toBe(true);
  });
});
