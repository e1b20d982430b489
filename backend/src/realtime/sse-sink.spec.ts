import { decodePosition, encodePosition } from './sse-sink';

describe('SSE positions', () => {
  it('round-trips every topic position through an event id', () => {
    const id = encodePosition({ alerts: 5, 'crm:acme-fitness': 12, 'source:pm.projects': 0 });
    expect(id).toBe('alerts=5,crm:acme-fitness=12,source:pm.projects=0');
    expect(decodePosition(id)).toEqual(
      new Map([
        ['alerts', 5],
        ['crm:acme-fitness', 12],
        ['source:pm.projects', 0],
      ]),
    );
  });

  it('ignores what it cannot read', () => {
    expect(decodePosition('alerts=-1,ops=x,=3,plain,domain:people=7')).toEqual(new Map([['domain:people', 7]]));
    expect(decodePosition(undefined)).toEqual(new Map());
    expect(decodePosition('a=1'.repeat(10_000))).toEqual(new Map());
  });
});
