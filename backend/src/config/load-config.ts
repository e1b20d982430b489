import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from './app-config';
import { EnvironmentVariables, ENVIRONMENT_VARIABLE_NAMES } from './environment';

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
  const vars = plainToInstance(EnvironmentVariables, known);
  const errors = validateSync(vars, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(errors.map((e) => describe(e, known)));

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
      corsOrigins: vars.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter((o) => o.length > 0),
    },
    database,
    logLevel: vars.LOG_LEVEL,
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    instanceHeartbeatSeconds: vars.INSTANCE_HEARTBEAT_SECONDS,
    consoleDir: vars.CONSOLE_DIR,
  });
}

function describe(error: ValidationError, raw: Record<string, unknown>): string {
  const messages = [...new Set(Object.values(error.constraints ?? {}))].reverse().join('; ');
  const given = raw[error.property];
  const shown = error.property === 'DATABASE_URL' ? '(hidden)' : JSON.stringify(given);
  return `${error.property} ${messages} (got ${shown})`;
}

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
