import type { NotificationMessage } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** One HTTP POST to a receiver. */
export interface HttpSend {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/** Slack incoming webhook: `text` is the fallback, blocks carry the layout. */
export function slackPayload(webhookUrl: string, message: NotificationMessage): HttpSend {
  const body = {
    text: `${message.title}\n${message.text}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: message.title.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: message.text.slice(0, 3000) } },
    ],
  };
  return json(webhookUrl, body);
}

/** Microsoft Teams incoming webhook (Workflows): an Adaptive Card in a message attachment. */
export function teamsPayload(webhookUrl: string, message: NotificationMessage): HttpSend {
  const body = {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', size: 'Medium', weight: 'Bolder', text: message.title, wrap: true },
            { type: 'TextBlock', text: message.text, wrap: true },
          ],
        },
      },
    ],
  };
  return json(webhookUrl, body);
}

/**
 * PagerDuty Events API v2: trigger while firing, resolve when resolved, de-duplicated by
 * the alert group. `url` is only for tests (a receiver on loopback).
 */
export function pagerDutyPayload(
  routingKey: string,
  message: NotificationMessage,
  url = PAGERDUTY_EVENTS_URL,
): HttpSend {
  const body = {
    routing_key: routingKey,
    event_action: message.status === 'resolved' ? 'resolve' : 'trigger',
    dedup_key: message.groupKey,
    payload: {
      summary: `${message.title}: ${message.text}`.slice(0, 1024),
      source: 'switchyard',
      severity: message.severity,
      custom_details: message.labels,
    },
  };
  return json(url, body);
}

/** A generic webhook signed the Standard Webhooks way (webhook-id, -timestamp, -signature). */
export function signedWebhookPayload(url: string, secret: string, message: NotificationMessage, now: Date): HttpSend {
  const body = JSON.stringify({ type: `notification.${message.status}`, timestamp: now.toISOString(), data: message });
  const id = `msg_${randomUUID()}`;
  const signature = new Webhook(secret).sign(id, now, body);
  return {
    url,
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signature,
    },
  };
}

function json(url: string, body: unknown): HttpSend {
  return { url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
