import { FAILURE_CATEGORIES } from '@switchyard/contracts';
import { z } from 'zod';

/** Acknowledge, resolve or ignore an issue; the body may be left out. */
export const issueActionSchema = z.strictObject({
  comment: z
    .string({ error: 'must be text' })
    .max(2000, 'must be at most 2000 characters')
    .optional()
    .meta({ example: 'Reconnected QuickBooks; replaying the failed invoices.' }),
});

/** A verdict on an event's classification. */
export const feedbackSchema = z.strictObject({
  helpful: z.boolean({ error: 'must be true or false' }).describe('Whether the classification helped.'),
  correctCategory: z
    .enum(FAILURE_CATEGORIES, { error: `must be one of ${FAILURE_CATEGORIES.join(', ')}` })
    .optional()
    .describe('The category it should have been.'),
});
