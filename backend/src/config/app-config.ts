import type { DatabaseKind } from '@switchyard/contracts';
import type { WebhookIpAllowlists } from './integration-ip-allowlists';
import type { WebhookSecrets } from './integration-secrets';
import type { WebhookSchemes } from './integration-schemes';
import type { OidcProviderSettings, TrustedIssuerSettings } from './identity-settings';

/** Typed configuration, built once at boot from the validated environment. */
export class AppConfig {
  environment!: AppConfigValues['environment'];
  version!: string;
  http!: AppConfigValues['http'];
  database!: AppConfigValues['database'];
  logLevel!: AppConfigValues['logLevel'];
  shutdownTimeoutMs!: number;
  instanceHeartbeatSeconds!: number;
  consoleDir!: string;
  demo!: AppConfigValues['demo'];
  encryption!: AppConfigValues['encryption'];
  sync!: AppConfigValues['sync'];
  auth!: AppConfigValues['auth'];
  identity!: AppConfigValues['identity'];
  portfolio!: AppConfigValues['portfolio'];
  integrations!: AppConfigValues['integrations'];
  ops!: AppConfigValues['ops'];
  live!: AppConfigValues['live'];

  constructor(values: AppConfigValues) {
    Object.assign(this, values);
  }
}

export interface AppConfigValues {
  environment: 'development' | 'production' | 'test';
  version: string;
  http: {
    port: number;
    host: string;
    bodyLimitBytes: number;
    corsOrigins: string[];
    /** Console error reports accepted per client address per minute. */
    clientErrorsPerMinute: number;
  };
  database: {
    kind: DatabaseKind;
    /** Set when kind is `postgres`. */
    url?: string;
    poolSize: number;
    /** Set when kind is `pglite`: a folder, or `memory://`. */
    dataDir?: string;
    healthTimeoutMs: number;
  };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  shutdownTimeoutMs: number;
  instanceHeartbeatSeconds: number;
  consoleDir: string;
  demo: {
    enabled: boolean;
    simulatorPort: number;
    simulatorSeed: number;
  };
  encryption: {
    /** Parsed ENCRYPTION_KEYS, the first one encrypts; empty means "use the key file". */
    keys: Array<{ id: string; key: Buffer }>;
    keyFile: string;
  };
  sync: {
    enabled: boolean;
    tickMs: number;
    concurrency: number;
    /** Longest a replica answers from its in-memory source state without reading it again. */
    sourceStateMaxAgeMs: number;
    retentionDays: number;
    snapshotsKeepPerSource: number;
    /** Days a source webhook's `webhook-id` is remembered (retries inside it are not applied again). */
    webhookIdempotencyDays: number;
    /** Hosts, IPs and CIDR ranges sources may call although they are private addresses. */
    allowedHosts: string[];
  };
  auth: {
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    rateLimitPerMinute: number;
    /** Postgres: how often a replica polls for revocations made elsewhere. */
    revocationPollMs: number;
    trustProxy: boolean;
    /** Send the refresh cookie only over HTTPS (production). */
    secureCookies: boolean;
  };
  identity: {
    localLoginEnabled: boolean;
    oidcProviders: OidcProviderSettings[];
    trustedIssuers: TrustedIssuerSettings[];
    /** Base URL of the console for redirect URIs; null: the request's own. */
    publicUrl: string | null;
    jwksCooldownMs: number;
    clientSecretMaxAgeDays: number;
    clientSecretWarningDays: number;
    clientAnomalyRatePerMinute: number;
  };
  ops: {
    aggregatorEnabled: boolean;
    aggregateIntervalMs: number;
    /** How often the security metrics of Switchyard's own sign-ins and audit events are written. */
    securityMetricsIntervalMs: number;
    /** Per source: points waiting to be written before ingestion refuses more. */
    bufferSize: number;
    flushBatchSize: number;
    flushIntervalMs: number;
    rawRetentionHours: number;
    minuteRollupRetentionDays: number;
    hourRollupRetentionDays: number;
  };
  portfolio: { budgetOverrunPercent: number; scheduleSlipPoints: number; criticalRiskScore: number };
  live: {
    /** Set: updates, sequence numbers and Socket.IO rooms go through Redis. Unset: in-process. */
    redisUrl: string | null;
    redisKeyPrefix: string;
    /** Updates kept per topic for resuming. */
    bufferSize: number;
    /** In-process log only: updates kept over all topics; the least recently updated topics give way first. */
    bufferTotal: number;
    heartbeatSeconds: number;
    maxMessageBytes: number;
    maxTopicsPerConnection: number;
    slowClientQueue: number;
  };
  integrations: {
    webhookSecrets: WebhookSecrets;
    webhookSchemes: WebhookSchemes;
    /** Per integration, the CIDR ranges its webhooks may come from; an unlisted integration takes any address. */
    webhookAllowedIps: WebhookIpAllowlists;
    /** Re-read when it changes; its secrets add to `webhookSecrets`. */
    webhookSecretsFile: string | null;
    redactFields: string[];
    rateLimitPerMinute: number;
    bodyLimitBytes: number;
    processTickMs: number;
    retentionDays: number;
    /** Null keeps the model refinement off. */
    llm: { url: string; model: string; apiKey: string | null; timeoutMs: number } | null;
  };
}
