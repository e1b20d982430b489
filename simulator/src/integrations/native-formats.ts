import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { GeneratedIntegrationEvent, IntegrationEventBody } from './generator';

export interface Delivery {
  body: string;
  headers: Record<string, string>;
}

export interface DeliveryContext {
  /** Unique per delivery (run id + sequence); each format derives its own event id from it. */
  id: string;
  sequence: number;
  at: Date;
  /** One secret, used the way each scheme uses it (HMAC key, verifier token, hook header). */
  secret: string;
}

const seconds = (at: Date) => Math.floor(at.getTime() / 1000);
const json = { 'content-type': 'application/json' };

/**
 * Turns a generated event into the request its sender would make: Stripe, Gusto, QuickBooks
 * and Procore events in their native shape and signature; failures that no vendor sends as
 * a webhook (our API calls to them failing) and LCPtracker events as Standard Webhooks.
 */
export function toDelivery(event: GeneratedIntegrationEvent, context: DeliveryContext): Delivery {
  const { body } = event;
  const code = body.error?.code ?? '';
  switch (event.integration) {
    case 'stripe_issuing':
      if (body.status === 'success' || /^(issuing_authorization_declined|card_error|payout_failed)\//.test(code)) {
        return stripe(stripeEvent(body, context), context);
      }
      return standardWebhooks(body, context);
    case 'gusto':
      if (body.status === 'success' || code.startsWith('gusto_event/')) return gusto(body, context);
      return standardWebhooks(body, context);
    case 'quickbooks':
      return body.status === 'success' ? quickbooks(body, context) : standardWebhooks(body, context);
    case 'procore':
      return body.status === 'success' ? procore(body, context) : standardWebhooks(body, context);
    case 'lcptracker':
      return standardWebhooks(body, context);
  }
}

function standardWebhooks(body: IntegrationEventBody, context: DeliveryContext): Delivery {
  const text = JSON.stringify(body);
  const id = `msg_${context.id}`;
  return {
    body: text,
    headers: {
      ...json,
      'webhook-id': id,
      'webhook-timestamp': String(seconds(context.at)),
      'webhook-signature': new Webhook(context.secret).sign(id, context.at, text),
    },
  };
}

/** `Stripe-Signature: t=…,v1=…`: hex HMAC-SHA256 of `t.body` keyed with the whole endpoint secret. */
function stripe(event: Record<string, unknown>, context: DeliveryContext): Delivery {
  const text = JSON.stringify(event);
  const t = seconds(context.at);
  const v1 = createHmac('sha256', context.secret).update(`${t}.${text}`).digest('hex');
  return { body: text, headers: { ...json, 'stripe-signature': `t=${t},v1=${v1}` } };
}

function stripeEvent(body: IntegrationEventBody, context: DeliveryContext): Record<string, unknown> {
  return {
    id: `evt_${context.id}`,
    object: 'event',
    api_version: '2025-10-29.clover',
    created: seconds(new Date(body.occurredAt)),
    livemode: false,
    pending_webhooks: 1,
    type: body.type,
    data: { object: stripeObject(body, context) },
  };
}

function stripeObject(body: IntegrationEventBody, context: DeliveryContext): Record<string, unknown> {
  const amount = 2_500 + (context.sequence % 40) * 1_250;
  const [, second, third] = (body.error?.code ?? '').split('/');
  if (body.type === 'payment_intent.payment_failed') {
    const error = { type: 'card_error', code: second, decline_code: third, message: body.error?.message };
    return {
      id: `pi_${context.id}`,
      object: 'payment_intent',
      amount,
      currency: 'usd',
      status: 'requires_payment_method',
      last_payment_error: { ...error, request_log_url: `https://dashboard.stripe.com/test/logs/req_${context.id}` },
    };
  }
  if (body.type === 'payout.failed') {
    return {
      id: `po_${context.id}`,
      object: 'payout',
      amount,
      currency: 'usd',
      status: 'failed',
      failure_code: second,
      failure_message: body.error?.message,
    };
  }
  if (body.type === 'issuing_authorization.created') {
    const declined = body.status === 'failure';
    const category = body.error?.message.includes('merchant category')
      ? 'package_stores_beer_wine_and_liquor'
      : 'lumber_and_building_materials_stores';
    return {
      id: `iauth_${context.id}`,
      object: 'issuing.authorization',
      amount,
      currency: 'usd',
      approved: !declined,
      status: declined ? 'closed' : 'pending',
      card: { id: `ic_${context.sequence % 12}`, object: 'issuing.card', last4: '0005' },
      merchant_data: { category, name: 'Builders Supply', city: 'Austin', state: 'TX' },
      request_history: [
        declined
          ? { approved: false, amount, reason: second, reason_message: body.error?.message ?? null }
          : { approved: true, amount, reason: 'webhook_approved', reason_message: null },
      ],
    };
  }
  const kind = body.type.replace(/\.created$/, '').replace(/^issuing_/, '');
  return { id: `i${kind.slice(0, 2)}_${context.id}`, object: `issuing.${kind}`, amount, currency: 'usd' };
}

/** `X-Gusto-Signature`: hex HMAC-SHA256 of the body keyed with the subscription's verification token. */
function gusto(body: IntegrationEventBody, context: DeliveryContext): Delivery {
  const type = body.error?.code?.replace(/^gusto_event\//, '') ?? body.type;
  const entity = type.startsWith('notification.')
    ? 'Notification'
    : type.startsWith('employee.')
      ? 'Employee'
      : 'Payroll';
  const text = JSON.stringify({
    uuid: uuidFrom(context.id),
    event_type: type,
    resource_type: 'Company',
    resource_uuid: 'c1f0a6d2-3b4e-4f5a-8b6c-7d8e9f0a1b2c',
    entity_type: entity,
    entity_uuid: uuidFrom(`${entity}-${context.sequence % 20}`),
    timestamp: seconds(new Date(body.occurredAt)),
  });
  const signature = createHmac('sha256', context.secret).update(text).digest('hex');
  return { body: text, headers: { ...json, 'x-gusto-signature': signature } };
}

const QBO_NAMES: Record<string, string> = {
  invoice: 'Invoice',
  bill: 'Bill',
  journalentry: 'JournalEntry',
  customer: 'Customer',
};

/**
 * `intuit-signature`: base64 HMAC-SHA256 of the body keyed with the verifier token. Every
 * other delivery uses the CloudEvents format, the rest the classic `eventNotifications`.
 */
function quickbooks(body: IntegrationEventBody, context: DeliveryContext): Delivery {
  const [, entity = 'invoice', verb = 'created'] = body.type.split('.');
  const entityId = String(1000 + (context.sequence % 500));
  const realmId = '9341453050211597';
  const payload =
    context.sequence % 2 === 0
      ? [
          {
            specversion: '1.0',
            id: uuidFrom(context.id),
            source: 'intuit.qbo',
            type: body.type,
            datacontenttype: 'application/json',
            time: body.occurredAt,
            intuitentityid: entityId,
            intuitaccountid: realmId,
            data: {},
          },
        ]
      : {
          eventNotifications: [
            {
              realmId,
              dataChangeEvent: {
                entities: [
                  {
                    name: QBO_NAMES[entity] ?? 'Invoice',
                    id: entityId,
                    operation: verb === 'updated' ? 'Update' : 'Create',
                    lastUpdated: body.occurredAt,
                  },
                ],
              },
            },
          ],
        };
  const text = JSON.stringify(payload);
  const signature = createHmac('sha256', context.secret).update(text).digest('base64');
  return { body: text, headers: { ...json, 'intuit-signature': signature } };
}

/** Procore signs nothing: the hook's configured `Authorization` value comes with every delivery. */
function procore(body: IntegrationEventBody, context: DeliveryContext): Delivery {
  const dot = body.type.lastIndexOf('.');
  const text = JSON.stringify({
    id: 900_000 + context.sequence,
    ulid: `01J${context.id.toUpperCase().replace(/[^0-9A-Z]/g, '')}`,
    timestamp: body.occurredAt,
    user_id: 4417,
    company_id: 8089,
    project_id: 2291 + (context.sequence % 3),
    api_version: 'v2',
    resource_name: body.type.slice(0, dot),
    resource_id: 5000 + (context.sequence % 300),
    event_type: body.type.slice(dot + 1),
  });
  return { body: text, headers: { ...json, authorization: context.secret } };
}

/** A stable UUID-shaped id derived from a string (vendors use UUIDs for event ids). */
function uuidFrom(seed: string): string {
  const hex = createHmac('sha256', 'simulator').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
