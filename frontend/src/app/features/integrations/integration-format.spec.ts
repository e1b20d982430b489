import { isCriticalNotification } from '../../layout/alerts-bell.component';
import { formatSeconds, formatShare } from './integration-format';

describe('integration formats', () => {
  it('reads durations and shares', () => {
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(42)).toBe('42 s');
    expect(formatSeconds(95)).toBe('1 min 35 s');
    expect(formatSeconds(3720)).toBe('1 h 2 min');
    expect(formatShare(0.756)).toBe('76 %');
    expect(formatShare(null)).toBe('—');
  });
});

describe('isCriticalNotification', () => {
  it('is true only for notifying critical alert changes', () => {
    const alert = { severity: 'critical', message: 'CPU high' };
    expect(isCriticalNotification('alert.changed', { alert, previous: 'pending', notify: true })).toBe(true);
    expect(isCriticalNotification('alert.changed', { alert, previous: 'pending', notify: false })).toBe(false);
    expect(
      isCriticalNotification('alert.changed', {
        alert: { ...alert, severity: 'warning' },
        previous: null,
        notify: true,
      }),
    ).toBe(false);
    expect(isCriticalNotification('ops.snapshot', { alert, notify: true })).toBe(false);
  });
});
