import { createHmac } from 'node:crypto';
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

const PAST_TENSE: Record<string, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  merge: 'merged',
  void: 'voided',
  emailed: 'emailed',
};

/**
 * QuickBooks Online: `intuit-signature` is base64(HMAC-SHA256(raw body)) keyed with the
 * app's verifier token. Two body formats: the classic `eventNotifications[]` (one per
 * company, `dataChangeEvent.entities[]`) and the CloudEvents array Intuit is moving to.
 * Both are thin: they name the entity and the operation, never its contents. Events are
 * stored as they are; fetching the entity is left to a QuickBooks source, not done here.
 * The scheme has no timestamp, so a replay is caught only by the event id.
 */
export class QuickBooksSender implements WebhookSender {
  readonly format = 'quickbooks';

  recognizes(headers: Record<string, unknown>): boolean {
    return headers['intuit-signature'] !== undefined;
  }

  verify(request: SenderRequest, secrets: readonly string[]): Verification {
    const signature = header(request.headers, 'intuit-signature');
    if (!signature) return { ok: false, reason: 'missing intuit-signature header' };
    for (const token of secrets) {
      const expected = createHmac('sha256', token).update(request.rawBody).digest('base64');
      if (sameSecret(signature, expected)) return { ok: true, sentAt: null };
    }
    return { ok: false, reason: 'no matching signature' };
  }

  parse(body: unknown): SenderEvent[] {
    if (Array.isArray(body)) return body.map((event, index) => cloudEvent(event, index));
    if (isRecord(body) && Array.isArray(body.eventNotifications)) {
      return body.eventNotifications.flatMap((notification) => classicEvents(notification));
    }
    throw badShape('QuickBooks', 'expected eventNotifications[] or an array of CloudEvents');
  }
}

function cloudEvent(event: unknown, index: number): SenderEvent {
  if (!isRecord(event)) throw badShape('QuickBooks', `CloudEvent ${index} is not an object`);
  const id = text(event.id);
  const type = text(event.type);
  if (!id || !type || !text(event.specversion)) {
    throw badShape('QuickBooks', `CloudEvent ${index} needs specversion, id and type`);
  }
  const entityName = /^qbo\.([a-z0-9]+)\./i.exec(type)?.[1] ?? 'entity';
  const entityId = text(event.intuitentityid);
  return {
    senderEventId: id,
    eventType: type,
    status: 'success',
    occurredAt: dateFrom(event.time),
    error: null,
    entity: entityId ? { type: entityName, id: entityId } : null,
    facts: { realmId: text(event.intuitaccountid) },
    native: event,
  };
}

function classicEvents(notification: unknown): SenderEvent[] {
  if (!isRecord(notification)) throw badShape('QuickBooks', 'an event notification is not an object');
  const realmId = text(notification.realmId);
  const change = isRecord(notification.dataChangeEvent) ? notification.dataChangeEvent : null;
  if (!realmId || !change || !Array.isArray(change.entities)) {
    throw badShape('QuickBooks', 'each notification needs realmId and dataChangeEvent.entities[]');
  }
  return change.entities.map((entity) => {
    if (!isRecord(entity)) throw badShape('QuickBooks', 'an entity is not an object');
    const name = text(entity.name);
    const id = text(entity.id);
    const operation = text(entity.operation);
    const lastUpdated = text(entity.lastUpdated);
    if (!name || !id || !operation) throw badShape('QuickBooks', 'each entity needs name, id and operation');
    const verb = PAST_TENSE[operation.toLowerCase()] ?? operation.toLowerCase();
    return {
      // The classic format has no event id: the change itself (company, entity, operation, time) is one.
      senderEventId: [realmId, name, id, operation, lastUpdated ?? ''].join(':'),
      eventType: `qbo.${name.toLowerCase()}.${verb}.v1`,
      status: 'success',
      occurredAt: dateFrom(lastUpdated),
      error: null,
      entity: { type: name, id },
      facts: { realmId },
      native: { realmId, ...entity },
    } satisfies SenderEvent;
  });
}
