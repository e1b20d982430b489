import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { declaredSchemaOf } from '../common/validation/declared-fields';
import { AppConfig } from './app-config';
import { EnvironmentVariables, ENVIRONMENT_VARIABLE_NAMES } from './environment';
import { parseWebhookIpAllowlists } from './integration-ip-allowlists';
import { parseWebhookSecrets } from './integration-secrets';
import { parseWebhookSchemes } from './integration-schemes';
import { oidcProviderSchema, parseIdentityList, trustedIssuerSchema } from './identity-settings';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment once. Throws ConfigError naming every bad
 * variable, so an operator fixes them all in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const known = Object.fromEntries(
    ENVIRONMENT_VARIABLE_NAMES.filter((name) => env[name] !== undefined && env[name] !== '').map((name) => [
      name,
      env[name],
    ]),
  );
  const parsed = declaredSchemaOf(EnvironmentVariables)?.safeParse(known);
  if (!parsed) throw new Error('EnvironmentVariables declares no @Setting rules');
  if (!parsed.success) throw new ConfigError(describe(parsed.error.issues, known));
  const vars = Object.assign(new EnvironmentVariables(), parsed.data);
  if (vars.NODE_ENV === 'production' && !vars.ENCRYPTION_KEYS) {
    throw new ConfigError(['ENCRYPTION_KEYS is required in production (keyId:base64 of 32 random bytes)']);
  }

  const webhookSecrets = parseWebhookSecrets(vars.INTEGRATION_WEBHOOK_SECRETS);
  if (typeof webhookSecrets === 'string') {
    throw new ConfigError([`INTEGRATION_WEBHOOK_SECRETS ${webhookSecrets} (got (hidden))`]);
  }
  const webhookSchemes = parseWebhookSchemes(vars.INTEGRATION_WEBHOOK_SCHEMES);
  if (typeof webhookSchemes === 'string') {
    throw new ConfigError([`INTEGRATION_WEBHOOK_SCHEMES ${webhookSchemes}`]);
  }

  const webhookAllowedIps = parseWebhookIpAllowlists(vars.INTEGRATION_WEBHOOK_ALLOWED_IPS);
  if (typeof webhookAllowedIps === 'string') {
    throw new ConfigError([`INTEGRATION_WEBHOOK_ALLOWED_IPS ${webhookAllowedIps}`]);
  }
  const oidcProviders = parseIdentityList(vars.AUTH_OIDC_PROVIDERS, oidcProviderSchema);
  if (typeof oidcProviders === 'string') throw new ConfigError([`AUTH_OIDC_PROVIDERS ${oidcProviders}`]);
  const trustedIssuers = parseIdentityList(vars.AUTH_TRUSTED_ISSUERS, trustedIssuerSchema);
  if (typeof trustedIssuers === 'string') throw new ConfigError([`AUTH_TRUSTED_ISSUERS ${trustedIssuers}`]);

  const healthTimeoutMs = vars.HEALTH_DB_TIMEOUT_MS;
  const database: AppConfig['database'] = vars.DATABASE_URL
    ? { kind: 'postgres', url: vars.DATABASE_URL, poolSize: vars.DATABASE_POOL_SIZE, healthTimeoutMs }
    : { kind: 'pglite', dataDir: vars.DATA_DIR, poolSize: 1, healthTimeoutMs };

  return new AppConfig({
    environment: vars.NODE_ENV,
    version: readVersion(),
    http: {
      port: vars.PORT,
      host: vars.HOST,
      bodyLimitBytes: vars.BODY_LIMIT_BYTES,
      corsOrigins: list(vars.CORS_ORIGINS),
      clientErrorsPerMinute: vars.CLIENT_ERRORS_PER_MINUTE,
    },
    database,
    logLevel: vars.LOG_LEVEL,
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    instanceHeartbeatSeconds: vars.INSTANCE_HEARTBEAT_SECONDS,
    consoleDir: vars.CONSOLE_DIR,
    demo: {
      enabled: flag(vars.DEMO_MODE, vars.NODE_ENV === 'development'),
      simulatorPort: vars.SIMULATOR_PORT,
      simulatorSeed: vars.SIMULATOR_SEED,
    },
    encryption: { keys: parseKeys(vars.ENCRYPTION_KEYS), keyFile: vars.ENCRYPTION_KEY_FILE },
    sync: {
      enabled: flag(vars.SYNC_ENABLED, true),
      tickMs: vars.SYNC_TICK_MS,
      concurrency: vars.SYNC_CONCURRENCY,
      sourceStateMaxAgeMs: vars.SOURCE_STATE_MAX_AGE_MS,
      retentionDays: vars.SYNC_RETENTION_DAYS,
      snapshotsKeepPerSource: vars.SNAPSHOTS_KEEP_PER_SOURCE,
      webhookIdempotencyDays: vars.WEBHOOK_IDEMPOTENCY_DAYS,
      allowedHosts: list(vars.SOURCE_ALLOWED_HOSTS),
    },
    auth: {
      issuer: vars.JWT_ISSUER,
      audience: vars.JWT_AUDIENCE,
      accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: vars.REFRESH_TOKEN_TTL_SECONDS,
      rateLimitPerMinute: vars.AUTH_RATE_LIMIT_PER_MINUTE,
      revocationPollMs: vars.AUTH_REVOCATION_POLL_MS,
      trustProxy: flag(vars.TRUST_PROXY, false),
      secureCookies: vars.NODE_ENV === 'production',
    },
    identity: {
      localLoginEnabled: flag(vars.AUTH_LOCAL_LOGIN_ENABLED, true),
      oidcProviders,
      trustedIssuers,
      publicUrl: vars.AUTH_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
      jwksCooldownMs: vars.AUTH_JWKS_COOLDOWN_MS,
      clientSecretMaxAgeDays: vars.CLIENT_SECRET_MAX_AGE_DAYS,
      clientSecretWarningDays: vars.CLIENT_SECRET_WARNING_DAYS,
      clientAnomalyRatePerMinute: vars.CLIENT_ANOMALY_RATE_PER_MINUTE,
    },
    portfolio: {
      budgetOverrunPercent: vars.PORTFOLIO_BUDGET_OVERRUN_PERCENT,
      scheduleSlipPoints: vars.PORTFOLIO_SCHEDULE_SLIP_POINTS,
      criticalRiskScore: vars.PORTFOLIO_CRITICAL_RISK_SCORE,
    },
    live: {
      redisUrl: vars.REDIS_URL ?? null,
      redisKeyPrefix: vars.REDIS_KEY_PREFIX,
      bufferSize: vars.LIVE_BUFFER_SIZE,
      bufferTotal: vars.LIVE_BUFFER_TOTAL,
      heartbeatSeconds: vars.LIVE_HEARTBEAT_SECONDS,
      maxMessageBytes: vars.LIVE_MAX_MESSAGE_BYTES,
      maxTopicsPerConnection: vars.LIVE_MAX_TOPICS_PER_CONNECTION,
      slowClientQueue: vars.LIVE_SLOW_CLIENT_QUEUE,
    },
    ops: {
      aggregatorEnabled: flag(vars.OPS_AGGREGATOR_ENABLED, vars.NODE_ENV !== 'test'),
      aggregateIntervalMs: vars.OPS_AGGREGATE_INTERVAL_MS,
      securityMetricsIntervalMs: vars.OPS_SECURITY_METRICS_INTERVAL_MS,
      bufferSize: vars.OPS_BUFFER_SIZE,
      flushBatchSize: vars.OPS_FLUSH_BATCH_SIZE,
      flushIntervalMs: vars.OPS_FLUSH_INTERVAL_MS,
      rawRetentionHours: vars.OPS_RAW_RETENTION_HOURS,
      minuteRollupRetentionDays: vars.OPS_MINUTE_ROLLUP_RETENTION_DAYS,
      hourRollupRetentionDays: vars.OPS_HOUR_ROLLUP_RETENTION_DAYS,
    },
    integrations: {
      webhookSecrets,
      webhookSchemes,
      webhookAllowedIps,
      webhookSecretsFile: vars.INTEGRATION_WEBHOOK_SECRETS_FILE || null,
      redactFields: list(vars.INTEGRATION_REDACT_FIELDS),
      rateLimitPerMinute: vars.INTEGRATION_WEBHOOK_RATE_LIMIT_PER_MINUTE,
      bodyLimitBytes: vars.INTEGRATION_WEBHOOK_BODY_LIMIT_BYTES,
      processTickMs: vars.INTEGRATION_PROCESS_TICK_MS,
      retentionDays: vars.INTEGRATION_RETENTION_DAYS,
      llm: vars.INTEGRATION_LLM_URL
        ? {
            url: vars.INTEGRATION_LLM_URL,
            model: vars.INTEGRATION_LLM_MODEL,
            apiKey: vars.INTEGRATION_LLM_API_KEY ?? null,
            timeoutMs: vars.INTEGRATION_LLM_TIMEOUT_MS,
          }
        : null,
    },
  });
}

function flag(value: string | undefined, fallback: boolean): boolean {
  return value === undefined ? fallback : value === 'true';
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function parseKeys(value: string | undefined): AppConfig['encryption']['keys'] {
  return list(value ?? '').map((pair) => {
    const [id, key] = pair.split(':');
    return { id, key: Buffer.from(key, 'base64') };
  });
}

/** One line per bad variable (its first problem), secrets never echoed. */
function describe(issues: readonly z.core.$ZodIssue[], raw: Record<string, unknown>): string[] {
  const byName = new Map<string, string>();
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    if (!byName.has(name)) byName.set(name, issue.message);
  }
  return [...byName].map(([name, message]) => {
    const shown = SECRET_VARIABLES.has(name) ? '(hidden)' : JSON.stringify(raw[name]);
    return `${name} ${message} (got ${shown})`;
  });
}

const SECRET_VARIABLES = new Set([
  'DATABASE_URL',
  'ENCRYPTION_KEYS',
  'REDIS_URL',
  'INTEGRATION_WEBHOOK_SECRETS',
  'INTEGRATION_LLM_API_KEY',
  'AUTH_OIDC_PROVIDERS',
  'AUTH_TRUSTED_ISSUERS',
]);

function readVersion(): string {
  // The root package.json is the product's version; the process runs from the repo root
  // or from the image's /app, both of which hold it.
  try {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * For the create-admin command: the server's configuration plus the first admin's password,
 * when given in SWITCHYARD_ADMIN_PASSWORD rather than typed at the prompt.
 */
export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): {
  config: AppConfig;
  adminPassword: string | undefined;
} {
  return { config: loadConfig(env), adminPassword: env.SWITCHYARD_ADMIN_PASSWORD || undefined };
}
