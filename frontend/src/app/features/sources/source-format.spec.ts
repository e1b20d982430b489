import { describeCadence } from './source-format';

describe('describeCadence', () => {
  it('reads intervals and cron expressions', () => {
    expect(describeCadence({ type: 'interval', everySeconds: 900 })).toBe('every 15 min');
    expect(describeCadence({ type: 'interval', everySeconds: 120, offHoursEverySeconds: 600 })).toBe(
      'every 2 min (10 min off hours)',
    );
    expect(describeCadence({ type: 'cron', expression: '0 2 * * *', timeZone: 'UTC' })).toBe('cron 0 2 * * * (UTC)');
  });
});
