import { actorText } from './audit.page';

describe('actorText', () => {
  it('names a user by display name and email, a client by name, and an unknown actor by its id', () => {
    expect(
      actorText({ actorKind: 'user', actorId: 'u-1', actorName: 'Ada Lovelace', actorEmail: 'ada@example.com' }),
    ).toBe('Ada Lovelace <ada@example.com>');
    expect(actorText({ actorKind: 'client', actorId: 'billing', actorName: 'Billing export', actorEmail: null })).toBe(
      'client Billing export',
    );
    expect(actorText({ actorKind: 'anonymous', actorId: 'x@example.com', actorName: null, actorEmail: null })).toBe(
      'unknown x@example.com',
    );
    expect(actorText({ actorKind: 'system', actorId: null, actorName: null, actorEmail: null })).toBe('system');
  });
});
