import { IntegrationEventGenerator } from './generator';
import { toDelivery } from './native-formats';

export interface IntegrationEventSenderOptions {
  /** Base URL the integration name is appended to, e.g. http://127.0.0.1:3000/webhooks (or a function, read per send). */
  targetUrl: string | (() => string);
  /**
   * The secret every integration's webhooks are signed with, each the way its sender uses
   * it: a `whsec_` + base64 value works for all of them (the demo secret is one).
   */
  secret: string;
  /** Events per minute across all integrations (default 30). */
  ratePerMinute?: number;
  seed?: number;
  /** Wall clock for timestamps (default Date.now); signatures always use it too. */
  now?: () => number;
}

export interface IntegrationEventSender {
  /** Generates and delivers one event now; resolves with the receiver's HTTP status (null: unreachable). */
  sendOne(): Promise<number | null>;
  readonly sent: number;
  stop(): Promise<void>;
}

const DELIVERY_TIMEOUT_MS = 5000;

/**
 * Sends the generator's events to `<targetUrl>/<integration>` at a steady rate, each in its
 * sender's native format and signature (see native-formats.ts). Event ids carry the start
 * time so a restarted sender never collides with what the receiver already stored.
 */
export function startIntegrationEventSender(
  options: IntegrationEventSenderOptions,
  autoStart = true,
): IntegrationEventSender {
  const generator = new IntegrationEventGenerator(options.seed ?? 42);
  const now = options.now ?? Date.now;
  const runId = now().toString(36);
  const inFlight = new Set<Promise<unknown>>();
  const stopping = new AbortController();
  let sent = 0;

  const sendOne = async (): Promise<number | null> => {
    const at = new Date(now());
    const event = generator.next(at);
    sent += 1;
    const delivery = toDelivery(event, { id: `${runId}_${sent}`, sequence: sent, at, secret: options.secret });
    try {
      const base = typeof options.targetUrl === 'function' ? options.targetUrl() : options.targetUrl;
      const response = await fetch(`${base.replace(/\/$/, '')}/${event.integration}`, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
        signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
      });
      await response.body?.cancel();
      return response.status;
    } catch {
      return null;
    }
  };

  const everyMs = Math.max(10, Math.round(60_000 / (options.ratePerMinute ?? 30)));
  const timer = autoStart
    ? setInterval(() => {
        const delivery = sendOne();
        inFlight.add(delivery);
        void delivery.finally(() => inFlight.delete(delivery));
      }, everyMs)
    : null;
  timer?.unref();

  return {
    sendOne,
    get sent() {
      return sent;
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      stopping.abort();
      await Promise.allSettled([...inFlight]);
    },
  };
}
