import { alertListQuerySchema } from './ops.schemas';

describe('alert list query', () => {
  it('reads repeated state parameters like a comma list', () => {
    const repeated = alertListQuerySchema.parse({ state: ['open', 'resolved'] });
    expect(repeated.state).toEqual(alertListQuerySchema.parse({ state: 'open,resolved' }).state);
  });

  it('still refuses an unknown state', () => {
    expect(alertListQuerySchema.safeParse({ state: ['open', 'sideways'] }).success).toBe(false);
  });
});
