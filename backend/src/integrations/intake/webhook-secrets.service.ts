import { Injectable } from '@nestjs/common';
import type { IntegrationId } from '@switchyard/contracts';
import { AppConfig } from '../../config';
import { sensitiveFieldSet } from './redact-pii';

/** The secret every integration accepts in demo mode (documented, never used outside it). */
export const DEMO_WEBHOOK_SECRET = 'whsec_c3dpdGNoeWFyZC1kZW1vLXdlYmhvb2stc2VjcmV0';

/** Active signing secrets per integration (configuration, plus the demo secret in demo mode). */
@Injectable()
export class WebhookSecretsService {
  readonly sensitiveFields: Set<string>;

  constructor(private readonly config: AppConfig) {
    this.sensitiveFields = sensitiveFieldSet(config.integrations.redactFields);
  }

  secretsOf(integration: IntegrationId): string[] {
    const configured = this.config.integrations.webhookSecrets[integration] ?? [];
    return this.config.demo.enabled ? [...configured, DEMO_WEBHOOK_SECRET] : configured;
  }
}
