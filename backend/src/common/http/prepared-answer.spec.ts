import { combineTag, PreparedAnswer, prepareMembers } from './prepared-answer';

describe('PreparedAnswer', () => {
  const figures = { portfolio: 'All', kpis: { a: 1, b: [1, 2] }, note: 'quote " and \u2028' };
  const tail = { freshness: { state: 'fresh' }, refreshToken: 'tok', timestamp: '2026-12-03T10:00:00.000Z' };

  it('renders exactly the JSON of the whole answer, generatedAt last', () => {
    const { body } = prepareMembers(figures);
    const text = new PreparedAnswer(body, tail, 'tok').render('2026-12-03T10:00:01.000Z');
    expect(text).toBe(JSON.stringify({ ...figures, ...tail, generatedAt: '2026-12-03T10:00:01.000Z' }));
    expect(JSON.parse(text)).toEqual({ ...figures, ...tail, generatedAt: '2026-12-03T10:00:01.000Z' });
  });

  it('renders shared (frozen) members the same, however often they are rendered', () => {
    const freshness = Object.freeze({ state: 'late', sources: [{ id: 's', ageSeconds: 61 }] });
    const answer = new PreparedAnswer(prepareMembers(figures).body, { freshness, skipped: undefined }, 'tok');
    const expected = JSON.stringify({ ...figures, freshness, generatedAt: 'g' });
    expect(answer.render('g')).toBe(expected);
    expect(answer.render('g')).toBe(expected);
  });

  it('serializes generically to the same object (for sockets and tests)', () => {
    const answer = new PreparedAnswer(prepareMembers(figures).body, tail, 'tok');
    expect(JSON.parse(JSON.stringify(answer))).toEqual({ ...figures, ...tail });
  });

  it('digests members by content and combines tags from their parts', () => {
    expect(prepareMembers({ ...figures }).digest).toBe(prepareMembers(figures).digest);
    expect(prepareMembers({ ...figures, portfolio: 'Technology' }).digest).not.toBe(prepareMembers(figures).digest);
    expect(combineTag('a', 'b')).toBe(combineTag('a', 'b'));
    expect(combineTag('a', 'b')).not.toBe(combineTag('ab', ''));
  });
});
