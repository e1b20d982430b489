import { randomUUID } from 'node:crypto';
import { type FastifyBaseLogger } from 'fastify';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import { describeIssues } from './faults';
import { type ChangeNotice, type VendorId, type WebhookTarget } from './types';

export interface DeliveryResult {
  delivered: boolean;
  /** HTTP status of the last attempt; null when the target could not be reached. */
  status: number | null;
  attempts: number;
}

const DELIVERY_TIMEOUT_MS = 5000;
const RETRY_DELAY_MS = 500;

const targetSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  secret: z.string().startsWith('whsec_'),
});

/** Reads a webhook target; returns it or a message for a 400. */
export function parseWebhookTarget(body: unknown): WebhookTarget | string {
  const parsed = targetSchema.safeParse(body ?? {});
  if (!parsed.success) return describeIssues(parsed.error);
  try {
    new Webhook(parsed.data.secret);
  } catch {
    return 'secret: must be "whsec_" followed by non-empty base64';
  }
  return parsed.data;
}

export function noticeBody(notice: ChangeNotice): string {
  return JSON.stringify({ type: notice.type, data: { [notice.idsKey]: notice.ids } });
}

/** Sends Standard Webhooks–signed change notifications; a failed delivery is retried once, then dropped. */
export class WebhookSender {
  private readonly targets = new Map<VendorId, WebhookTarget>();
  private readonly inFlight = new Set<Promise<DeliveryResult>>();
  private readonly stopping = new AbortController();

  constructor(private readonly log: FastifyBaseLogger) {}

  set(vendor: VendorId, target: WebhookTarget): void {
    this.targets.set(vendor, target);
  }

  get(vendor: VendorId): WebhookTarget | null {
    return this.targets.get(vendor) ?? null;
  }

  /** Fire and forget: the vendor's answer never waits for its webhook receiver. */
  dispatch(vendor: VendorId, notice: ChangeNotice): void {
    if (!this.targets.has(vendor) || this.stopping.signal.aborted) return;
    const delivery = this.deliver(vendor, notice);
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  async deliver(vendor: VendorId, notice: ChangeNotice): Promise<DeliveryResult> {
    const target = this.targets.get(vendor);
    if (!target) return { delivered: false, status: null, attempts: 0 };
    const body = noticeBody(notice);
    // Each attempt is a new message with a fresh id and timestamp, signed with wall-clock
    // time: receivers check the timestamp against their own clock, not the simulator's.
    let result: DeliveryResult = { delivered: false, status: null, attempts: 0 };
    for (let attempt = 1; attempt <= 2 && !this.stopping.signal.aborted; attempt++) {
      if (attempt > 1) await delay(RETRY_DELAY_MS, this.stopping.signal);
      const status = await this.post(target, body);
      result = { delivered: status !== null && status >= 200 && status < 300, status, attempts: attempt };
      if (result.delivered) return result;
    }
    this.log.warn({ vendor, url: target.url, status: result.status }, 'webhook delivery failed; dropped');
    return result;
  }

  async close(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private async post(target: WebhookTarget, body: string): Promise<number | null> {
    const id = `msg_${randomUUID().replaceAll('-', '')}`;
    const sentAt = new Date();
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': new Webhook(target.secret).sign(id, sentAt, body),
        },
        body,
        signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
      });
      await response.body?.cancel();
      return response.status;
    } catch (error) {
      this.log.warn({ url: target.url, err: error }, 'webhook delivery attempt failed');
      return null;
    }
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
