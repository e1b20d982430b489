import { CLIENT_ERROR_LEVELS } from '@switchyard/contracts';
import { z } from 'zod';

const text = (max: number) => z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`);

/** An error a console browser saw (`POST /system/client-errors`); only logged. */
export const clientErrorReportSchema = z.strictObject({
  level: z.enum(CLIENT_ERROR_LEVELS, { error: `must be one of ${CLIENT_ERROR_LEVELS.join(', ')}` }),
  message: text(2000).min(1, 'must not be empty').meta({ example: 'Cannot read properties of undefined' }),
  url: text(2000).meta({ example: '/system' }),
  stack: text(8000).optional(),
  traceId: text(128).optional(),
});
