import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * The environment variables Switchyard reads, with their rules. Everything the
 * process reads from the environment is declared here and nowhere else.
 */
export class EnvironmentVariables {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @Transform(trimmed)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 100' })
  @Max(100, { message: 'must be between 1 and 100' })
  DATABASE_POOL_SIZE = 10;

  /** Folder of the embedded database; `memory://` keeps it in memory only. */
  @IsString()
  @Transform(trimmed)
  @Matches(/^\S+$/, { message: 'must be a folder path or memory://' })
  DATA_DIR = '.data/pglite';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Comma-separated browser origins allowed to call the API cross-site. */
  @IsString()
  @Matches(/^(\s*https?:\/\/[^\s,/]+\s*)(,\s*https?:\/\/[^\s,/]+\s*)*$|^$/, {
    message: 'must be a comma-separated list of origins like https://ops.example.com',
  })
  CORS_ORIGINS = '';

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024, { message: 'must be between 1024 and 52428800 bytes' })
  @Max(52_428_800, { message: 'must be between 1024 and 52428800 bytes' })
  BODY_LIMIT_BYTES = 1_048_576;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(50, { message: 'must be between 50 and 60000 ms' })
  @Max(60_000, { message: 'must be between 50 and 60000 ms' })
  HEALTH_DB_TIMEOUT_MS = 2000;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 120000 ms' })
  @Max(120_000, { message: 'must be between 100 and 120000 ms' })
  SHUTDOWN_TIMEOUT_MS = 10_000;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1, { message: 'must be between 1 and 3600 seconds' })
  @Max(3600, { message: 'must be between 1 and 3600 seconds' })
  INSTANCE_HEARTBEAT_SECONDS = 15;

  /** Folder of the built console (index.html and assets). */
  @IsString()
  CONSOLE_DIR = 'dist/frontend/browser';
}

export const ENVIRONMENT_VARIABLE_NAMES = Object.keys(new EnvironmentVariables()).concat('DATABASE_URL');
