import { LiveAndOpsEnvironment } from './environment.live';
import { count, Setting, text } from './setting';

/**
 * The environment variables Switchyard reads, with their rules. Everything the process reads
 * from the environment is declared in this class and the ones it extends, and nowhere else:
 * ServerEnvironment (environment.server.ts) → SyncAndAuthEnvironment (environment.sync.ts) →
 * IdentityEnvironment (environment.identity.ts) →
 * LiveAndOpsEnvironment (environment.live.ts) → these, the integration webhooks and classifier.
 */
export class EnvironmentVariables extends LiveAndOpsEnvironment {
  /**
   * per integration, the secret its sender signs with (see docs/webhook-senders.md): `procore=a|b,gusto=c` or JSON; several for rotation
   * @default _(empty)_
   */
  @Setting(text())
  INTEGRATION_WEBHOOK_SECRETS = '';

  /**
   * a file with more webhook secrets (same syntax), re-read when it changes: rotate secrets without a restart
   * @default _(unset)_
   */
  @Setting(text(undefined, undefined, { trim: true }))
  INTEGRATION_WEBHOOK_SECRETS_FILE?: string;

  /**
   * per integration, the source address ranges (CIDR) its webhooks may come from: `stripe_issuing=3.18.12.63/32|3.130.192.231/32` or JSON; unlisted integrations: any address (see docs/webhook-senders.md)
   * @default _(empty)_
   */
  @Setting(text())
  INTEGRATION_WEBHOOK_ALLOWED_IPS = '';

  /**
   * JSON per integration: `native` (default), `standard-webhooks` or a configured `hmac` scheme; see docs/webhook-senders.md
   * @default _(empty)_
   */
  @Setting(text())
  INTEGRATION_WEBHOOK_SCHEMES = '';

  /**
   * extra payload field names (comma-separated, any case style) whose values are redacted before storage
   * @default _(empty)_
   */
  @Setting(text(/^[\w\s,.-]*$/, 'must be a comma-separated list of field names'))
  INTEGRATION_REDACT_FIELDS = '';

  /**
   * integration webhooks per minute per client address and integration (429 beyond)
   * @default `1200`
   */
  @Setting(count(1, 1_000_000))
  INTEGRATION_WEBHOOK_RATE_LIMIT_PER_MINUTE = 1200;

  /**
   * largest integration webhook body; larger ones get 413
   * @default `262144`
   */
  @Setting(count(1024, 52_428_800, 'bytes'))
  INTEGRATION_WEBHOOK_BODY_LIMIT_BYTES = 262_144;

  /**
   * how often leftover unclassified integration events are claimed (after a restart; new ones are processed at once)
   * @default `5000`
   */
  @Setting(count(50, 60_000, 'ms'))
  INTEGRATION_PROCESS_TICK_MS = 5000;

  /**
   * integration events older than this are pruned hourly (category corrections are kept), with resolved or ignored issues not seen since
   * @default `30`
   */
  @Setting(count(1, 3650, 'days'))
  INTEGRATION_RETENTION_DAYS = 30;

  /**
   * OpenAI-compatible API base URL (e.g. `https://api.openai.com/v1`) that refines classifications
   * @default _(unset: off)_
   */
  @Setting(text(/^https?:\/\/\S+$/, 'must be an http(s) URL such as https://api.openai.com/v1', { trim: true }))
  INTEGRATION_LLM_URL?: string;

  /**
   * model name sent to that API
   * @default `gpt-4o-mini`
   */
  @Setting(text(/^\S{1,100}$/, 'must be a model name without spaces'))
  INTEGRATION_LLM_MODEL = 'gpt-4o-mini';

  /**
   * bearer key for that API
   * @default _(unset)_
   */
  @Setting(text())
  INTEGRATION_LLM_API_KEY?: string;

  /**
   * how long a refinement may take before the rules' answer is kept
   * @default `5000`
   */
  @Setting(count(100, 60_000, 'ms'))
  INTEGRATION_LLM_TIMEOUT_MS = 5000;
}

export const ENVIRONMENT_VARIABLE_NAMES = Object.keys(new EnvironmentVariables()).concat(
  'DATABASE_URL',
  'DEMO_MODE',
  'ENCRYPTION_KEYS',
  'SYNC_ENABLED',
  'TRUST_PROXY',
  'AUTH_LOCAL_LOGIN_ENABLED',
  'AUTH_PUBLIC_URL',
  'INTEGRATION_LLM_URL',
  'INTEGRATION_LLM_API_KEY',
  'OPS_AGGREGATOR_ENABLED',
  'REDIS_URL',
);
