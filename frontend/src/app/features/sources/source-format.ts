import type { Cadence } from '@switchyard/contracts';
import { formatDuration } from '../../core/format-age';

/** "every 15 min", "every 2 min (10 min off hours)", "cron 0 2 * * * Europe/London". */
export function describeCadence(cadence: Cadence): string {
  if (cadence.type === 'cron') return `cron ${cadence.expression} (${cadence.timeZone})`;
  const every = `every ${formatDuration(cadence.everySeconds)}`;
  return cadence.offHoursEverySeconds ? `${every} (${formatDuration(cadence.offHoursEverySeconds)} off hours)` : every;
}
