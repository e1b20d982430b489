import { Injectable, Logger } from '@nestjs/common';
import type { IntegrationId } from '@switchyard/contracts';
import { readFileSync, statSync } from 'node:fs';
import { Clock } from '../../common';
import { AppConfig, parseWebhookSecrets, type WebhookSecrets } from '../../config';
import { sensitiveFieldSet } from './redact-pii';

/** The secret every integration accepts in demo mode (documented, never used outside it). */
export const DEMO_WEBHOOK_SECRET = 'whsec_c3dpdGNoeWFyZC1kZW1vLXdlYmhvb2stc2VjcmV0';

/** How often the secrets file's modification time is looked at (not per webhook). */
const FILE_CHECK_MS = 1000;

/**
 * Active secrets per integration: configuration, the secrets file (re-read when it
 * changes, so a secret is rotated without a restart), and the demo secret in demo mode.
 */
@Injectable()
export class WebhookSecretsService {
  private readonly logger = new Logger(WebhookSecretsService.name);
  readonly sensitiveFields: Set<string>;
  private fromFile: WebhookSecrets = {};
  private fileVersion = '';
  private checkedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.sensitiveFields = sensitiveFieldSet(config.integrations.redactFields);
  }

  secretsOf(integration: IntegrationId): string[] {
    this.refreshFile();
    const configured = [
      ...(this.config.integrations.webhookSecrets[integration] ?? []),
      ...(this.fromFile[integration] ?? []),
    ];
    return this.config.demo.enabled ? [...configured, DEMO_WEBHOOK_SECRET] : configured;
  }

  /** Keeps the last good secrets when the file is missing or wrong, and says so once per change. */
  private refreshFile(): void {
    const path = this.config.integrations.webhookSecretsFile;
    const now = this.clock.now().getTime();
    if (!path || now - this.checkedAt < FILE_CHECK_MS) return;
    this.checkedAt = now;
    let version = 'missing';
    let parsed: WebhookSecrets | string = 'is unreadable';
    try {
      const stat = statSync(path);
      version = `${stat.mtimeMs}:${stat.size}`;
      if (version === this.fileVersion) return;
      parsed = parseWebhookSecrets(readFileSync(path, 'utf8'));
    } catch {
      if (version === this.fileVersion) return;
    }
    this.fileVersion = version;
    if (typeof parsed === 'string') {
      this.logger.error({ path, problem: parsed }, 'webhook secrets file not usable; keeping the secrets read before');
      return;
    }
    this.fromFile = parsed;
    this.logger.log({ path, integrations: Object.keys(parsed) }, 'read webhook secrets file');
  }
}
