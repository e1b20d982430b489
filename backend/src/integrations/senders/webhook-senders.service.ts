import { Injectable } from '@nestjs/common';
import type { IntegrationId } from '@switchyard/contracts';
import { AppConfig, type WebhookScheme } from '../../config';
import { GustoSender } from './gusto/gusto.sender';
import { ConfigurableHmacSender } from './hmac/configurable-hmac.sender';
import { ProcoreSender } from './procore/procore.sender';
import { QuickBooksSender } from './quickbooks/quickbooks.sender';
import { StandardWebhooksSender } from './standard/standard-webhooks.sender';
import { StripeSender } from './stripe/stripe.sender';
import type { RequestHeaders, WebhookSender } from './webhook-sender';

const STANDARD = new StandardWebhooksSender();

/** Each integration's own sender; LCPtracker publishes no signing scheme, so Standard Webhooks. */
const NATIVE: Record<IntegrationId, WebhookSender> = {
  stripe_issuing: new StripeSender(),
  quickbooks: new QuickBooksSender(),
  gusto: new GustoSender(),
  procore: new ProcoreSender(),
  lcptracker: STANDARD,
};

const DEFAULT_SCHEME: WebhookScheme = { scheme: 'native', standardWebhooks: true };

/** Picks the adapter that reads an integration's webhook, from its configured scheme. */
@Injectable()
export class WebhookSenders {
  private readonly primary = new Map<IntegrationId, WebhookSender>();

  constructor(private readonly config: AppConfig) {}

  /**
   * The integration's configured sender, or Standard Webhooks when that is allowed too and
   * the request carries its headers (events sent by a connector in front of Switchyard).
   */
  forRequest(integration: IntegrationId, headers: RequestHeaders): WebhookSender {
    const scheme = this.schemeOf(integration);
    const primary = this.primaryOf(integration, scheme);
    if (primary !== STANDARD && scheme.standardWebhooks && STANDARD.recognizes(headers)) return STANDARD;
    return primary;
  }

  private schemeOf(integration: IntegrationId): WebhookScheme {
    return this.config.integrations.webhookSchemes[integration] ?? DEFAULT_SCHEME;
  }

  private primaryOf(integration: IntegrationId, scheme: WebhookScheme): WebhookSender {
    let sender = this.primary.get(integration);
    if (!sender) {
      if (scheme.scheme === 'hmac' && scheme.hmac) sender = new ConfigurableHmacSender(scheme.hmac);
      else if (scheme.scheme === 'standard-webhooks') sender = STANDARD;
      else sender = NATIVE[integration];
      this.primary.set(integration, sender);
    }
    return sender;
  }
}
