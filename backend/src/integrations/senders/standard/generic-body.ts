import { z } from 'zod';
import { parseOrThrow } from '../../../common';
import type { SenderEvent } from '../webhook-sender';

/**
 * Switchyard's own event body, for senders without a format of their own (a connector
 * in front of Switchyard, LCPtracker, the older simulator): anything extra in `data` is kept.
 */
export const webhookBodySchema = z.object({
  type: z.string().trim().min(1).max(120),
  status: z.enum(['success', 'failure']).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  error: z
    .object({
      message: z.string().min(1).max(4000),
      code: z.union([z.string().max(120), z.number()]).optional(),
      httpStatus: z.number().int().min(100).max(599).optional(),
      context: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});
export type WebhookBody = z.infer<typeof webhookBodySchema>;

/**
 * Reads one generic body as an event. A body with an error is a failure unless it says
 * otherwise; one without `occurredAt` happened when it was signed.
 */
export function readGenericEvent(raw: unknown, senderEventId: string, sentAt: Date | null): SenderEvent {
  const body = parseOrThrow(webhookBodySchema, raw);
  return {
    senderEventId,
    eventType: body.type,
    status: body.status ?? (body.error ? 'failure' : 'success'),
    occurredAt: body.occurredAt ? new Date(body.occurredAt) : sentAt,
    error: body.error
      ? {
          message: body.error.message,
          code: body.error.code === undefined ? null : String(body.error.code),
          httpStatus: body.error.httpStatus ?? null,
        }
      : null,
    entity: null,
    facts: {},
    native: body,
  };
}
