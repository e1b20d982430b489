import { maxSeverity, nextState, stateAfterFailure } from './issue-rules';

describe('issue states', () => {
  it.each([
    ['open', 'acknowledge', 'acknowledged'],
    ['open', 'resolve', 'resolved'],
    ['acknowledged', 'resolve', 'resolved'],
    ['open', 'ignore', 'ignored'],
    ['acknowledged', 'ignore', 'ignored'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextState(from, action)).toMatchObject({ state: to });
  });

  it.each([
    ['acknowledged', 'acknowledge'],
    ['resolved', 'resolve'],
    ['resolved', 'acknowledge'],
    ['ignored', 'resolve'],
  ] as const)('refuses %s --%s-->', (from, action) => {
    expect(nextState(from, action)).toHaveProperty('refused');
  });

  it('reopens a resolved issue on a new failure, and leaves the others as they are', () => {
    expect(stateAfterFailure('resolved')).toEqual({ state: 'open', reopened: true });
    expect(stateAfterFailure('ignored')).toEqual({ state: 'ignored', reopened: false });
    expect(stateAfterFailure('acknowledged')).toEqual({ state: 'acknowledged', reopened: false });
  });

  it('keeps the worst severity seen', () => {
    expect(maxSeverity('low', 'high')).toBe('high');
    expect(maxSeverity('critical', 'medium')).toBe('critical');
  });
});
