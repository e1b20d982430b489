import { SecurityCounters } from './security-counters';

describe('SecurityCounters', () => {
  it('counts failed and refused sign-ins and every audit event, and starts over on drain', () => {
    const counters = new SecurityCounters();
    counters.noteAudit({ action: 'auth.login', outcome: 'failure' });
    counters.noteAudit({ action: 'auth.login', outcome: 'denied' });
    counters.noteAudit({ action: 'auth.token', outcome: 'failure' });
    counters.noteAudit({ action: 'auth.login', outcome: 'success' });
    counters.noteAudit({ action: 'auth.refresh_reuse', outcome: 'denied' });
    counters.noteAudit({ action: 'user.create', outcome: 'success' });
    counters.noteTokenRefused();
    expect(counters.drain()).toEqual({ failed_auth_attempts: 3, token_refusals: 2, audit_events: 6 });
    expect(counters.drain()).toEqual({ failed_auth_attempts: 0, token_refusals: 0, audit_events: 0 });
  });

  it('takes back counts that could not be written', () => {
    const counters = new SecurityCounters();
    counters.noteTokenRefused();
    counters.restore({ failed_auth_attempts: 2, token_refusals: 1, audit_events: 4 });
    expect(counters.drain()).toEqual({ failed_auth_attempts: 2, token_refusals: 2, audit_events: 4 });
  });
});
