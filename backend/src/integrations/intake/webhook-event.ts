import type { IntegrationEventStatus } from '@switchyard/contracts';
import { z } from 'zod';

/**
 * What an integration webhook carries. Vendors' own shapes are mapped to this by the
 * connector in front of Switchyard (or by the simulator); anything extra in `data` is kept.
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

export interface ParsedWebhookEvent {
  eventType: string;
  status: IntegrationEventStatus;
  occurredAt: Date;
  errorMessage: string | null;
  errorCode: string | null;
  errorHttpStatus: number | null;
}

/**
 * Reads the facts Switchyard indexes. A body with an error is a failure unless it says
 * otherwise; a body without `occurredAt` happened when it was signed; an event cannot
 * have happened after we received it (clock skew upstream).
 */
export function readWebhookEvent(body: WebhookBody, sentAt: Date, receivedAt: Date): ParsedWebhookEvent {
  const occurred = body.occurredAt ? new Date(body.occurredAt) : sentAt;
  return {
    eventType: body.type,
    status: body.status ?? (body.error ? 'failure' : 'success'),
    occurredAt: occurred > receivedAt ? receivedAt : occurred,
    errorMessage: body.error?.message ?? null,
    errorCode: body.error?.code === undefined ? null : String(body.error.code),
    errorHttpStatus: body.error?.httpStatus ?? null,
  };
}
