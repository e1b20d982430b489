import {
  badShape,
  dateFrom,
  header,
  isRecord,
  sameSecret,
  text,
  type SenderEvent,
  type SenderRequest,
  type Verification,
  type WebhookSender,
} from '../webhook-sender';

const EVENT_TYPES = new Set(['create', 'update', 'delete']);

/**
 * Procore signs nothing: a hook is created with `destination_headers`, and Procore sends
 * that `Authorization` value with every delivery. We compare it, in constant time, with
 * each active secret (a bare secret or `Bearer <secret>`). Procore retries and may
 * repeat a delivery, so events are deduplicated by their `ulid` (or numeric `id`).
 */
export class ProcoreSender implements WebhookSender {
  readonly format = 'procore';

  recognizes(headers: Record<string, unknown>): boolean {
    return headers.authorization !== undefined;
  }

  verify(request: SenderRequest, secrets: readonly string[]): Verification {
    const offered = header(request.headers, 'authorization');
    if (!offered) return { ok: false, reason: 'missing Authorization header' };
    for (const secret of secrets) {
      if (sameSecret(offered, secret) || sameSecret(offered, `Bearer ${secret}`)) return { ok: true, sentAt: null };
    }
    return { ok: false, reason: 'Authorization header does not match the hook secret' };
  }

  parse(body: unknown): SenderEvent[] {
    if (!isRecord(body)) throw badShape('Procore', 'expected an event object');
    const id = text(body.ulid) ?? text(body.id);
    const resource = text(body.resource_name);
    const operation = text(body.event_type)?.toLowerCase() ?? null;
    if (!id || !resource || !operation || !EVENT_TYPES.has(operation)) {
      throw badShape('Procore', 'id or ulid, resource_name and event_type (create, update, delete) are required');
    }
    const resourceId = text(body.resource_id);
    return [
      {
        senderEventId: id,
        eventType: `${resource.toLowerCase().replace(/\s+/g, '_')}.${operation}`,
        status: 'success',
        occurredAt: dateFrom(body.timestamp),
        error: null,
        entity: resourceId ? { type: resource, id: resourceId } : null,
        facts: {
          companyId: text(body.company_id),
          projectId: text(body.project_id),
          apiVersion: text(body.api_version),
        },
        native: body,
      },
    ];
  }
}
