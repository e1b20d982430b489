import { CREDENTIAL_KINDS, SOURCE_KINDS, type SourceDefinitionInput } from '@switchyard/contracts';
import { Cron } from 'croner';
import { isTimeZone } from '../../common';
import { z } from 'zod';

export const MIN_CADENCE_SECONDS = 5;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRY = { maxAttempts: 3, initialDelayMs: 500, maxDelayMs: 10_000 };
/** A failed source is tried again after about 1, 2, 4, 8… minutes, never later than its next regular run. */
export const DEFAULT_RETRY_SCHEDULE = { firstDelaySeconds: 60, maxDelaySeconds: null };
export const DEFAULT_BREAKER = { failureThreshold: 5, halfOpenAfterMs: 60_000 };

const id = z.string().regex(ID_PATTERN, 'must be 3–64 lowercase letters, digits or dashes');
const seconds = (min: number, max: number) => z.number().int().min(min).max(max);

function isCron(expression: string): boolean {
  try {
    new Cron(expression, { paused: true });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string().refine(isTimeZone, 'must be an IANA time zone like Europe/Berlin');
const cronExpression = z.string().max(120).refine(isCron, 'must be a valid cron expression');

const businessHours = z.strictObject({
  timeZone,
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  startHour: z.number().int().min(0).max(23),
  endHour: z.number().int().min(1).max(24),
});

const cadence = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('interval'),
    everySeconds: seconds(MIN_CADENCE_SECONDS, 7 * 86_400),
    offHoursEverySeconds: seconds(MIN_CADENCE_SECONDS, 7 * 86_400).optional(),
    businessHours: businessHours.optional(),
  }),
  z.strictObject({ type: z.literal('cron'), expression: cronExpression, timeZone }),
]);

const connectorRef = z.strictObject({
  id,
  stream: z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'must be a stream name'),
  credentialId: id.nullable().default(null),
  config: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'must be a config field name'), z.string().max(2000))
    .refine((config) => Object.keys(config).length <= 30, 'at most 30 settings')
    .default({}),
});

export const sourceDefinitionSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(SOURCE_KINDS),
    connector: connectorRef,
    tenant: id.nullable().default(null),
    enabled: z.boolean().default(true),
    cadence,
    fullSync: z.strictObject({ expression: cronExpression, timeZone }).nullable().default(null),
    timeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_TIMEOUT_MS),
    retry: z
      .strictObject({
        maxAttempts: z.number().int().min(1).max(10).default(DEFAULT_RETRY.maxAttempts),
        initialDelayMs: z.number().int().min(0).max(60_000).default(DEFAULT_RETRY.initialDelayMs),
        maxDelayMs: z.number().int().min(0).max(600_000).default(DEFAULT_RETRY.maxDelayMs),
      })
      .default(DEFAULT_RETRY),
    retrySchedule: z
      .strictObject({
        firstDelaySeconds: seconds(1, 86_400).default(DEFAULT_RETRY_SCHEDULE.firstDelaySeconds),
        maxDelaySeconds: seconds(1, 7 * 86_400)
          .nullable()
          .default(DEFAULT_RETRY_SCHEDULE.maxDelaySeconds),
      })
      .default(DEFAULT_RETRY_SCHEDULE),
    breaker: z
      .strictObject({
        failureThreshold: z.number().int().min(1).max(100).default(DEFAULT_BREAKER.failureThreshold),
        halfOpenAfterMs: z.number().int().min(1000).max(86_400_000).default(DEFAULT_BREAKER.halfOpenAfterMs),
      })
      .default(DEFAULT_BREAKER),
    freshness: z.strictObject({
      warnAfterSeconds: seconds(1, 30 * 86_400),
      staleAfterSeconds: seconds(2, 90 * 86_400),
      trackDataAge: z.boolean().default(true),
    }),
    webhookSecretCredentialId: id.nullable().default(null),
  })
  .superRefine((source, ctx) => {
    if (source.freshness.staleAfterSeconds <= source.freshness.warnAfterSeconds) {
      ctx.addIssue({
        code: 'custom',
        path: ['freshness', 'staleAfterSeconds'],
        message: 'must be more than warnAfterSeconds',
      });
    }
    if (source.kind === 'webhook' && !source.webhookSecretCredentialId) {
      ctx.addIssue({ code: 'custom', path: ['webhookSecretCredentialId'], message: 'is required for webhook sources' });
    }
    if (source.retry.maxDelayMs < source.retry.initialDelayMs) {
      ctx.addIssue({ code: 'custom', path: ['retry', 'maxDelayMs'], message: 'must be at least initialDelayMs' });
    }
    const { firstDelaySeconds, maxDelaySeconds } = source.retrySchedule;
    if (maxDelaySeconds !== null && maxDelaySeconds < firstDelaySeconds) {
      ctx.addIssue({
        code: 'custom',
        path: ['retrySchedule', 'maxDelaySeconds'],
        message: 'must be at least firstDelaySeconds',
      });
    }
    const hours = source.cadence.type === 'interval' ? source.cadence.businessHours : undefined;
    if (hours && hours.endHour <= hours.startHour) {
      ctx.addIssue({
        code: 'custom',
        path: ['cadence', 'businessHours', 'endHour'],
        message: 'must be after startHour',
      });
    }
  });

export type ParsedSourceDefinition = z.output<typeof sourceDefinitionSchema>;

// The schema and the shared contract must describe the same thing, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _inputMatchesContract: Same<z.input<typeof sourceDefinitionSchema>, SourceDefinitionInput> = true;
void _inputMatchesContract;

export const credentialSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(CREDENTIAL_KINDS),
    tenant: id.nullable().default(null),
    clientId: z.string().min(1).max(200).nullable().default(null),
    secret: z.string().min(1).max(16_384),
    fields: z
      .record(
        z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be a field name like refreshToken'),
        z.string().min(1).max(8192),
      )
      .refine((fields) => Object.keys(fields).length <= 20, 'at most 20 fields')
      .default({}),
  })
  .superRefine((credential, ctx) => {
    if (
      (credential.kind === 'client-credentials' || credential.kind === 'oauth2-refresh-token') &&
      !credential.clientId
    ) {
      ctx.addIssue({ code: 'custom', path: ['clientId'], message: `is required for ${credential.kind}` });
    }
    if (credential.kind === 'basic' && !credential.clientId) {
      ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'is required for basic (the user name)' });
    }
    if (credential.kind === 'oauth2-refresh-token' && !credential.fields.refreshToken) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields', 'refreshToken'],
        message: 'is required for oauth2-refresh-token',
      });
    }
    if (credential.kind === 'service-account' && !isServiceAccountKey(credential.secret)) {
      ctx.addIssue({
        code: 'custom',
        path: ['secret'],
        message: 'must be a service account JSON key with client_email and private_key',
      });
    }
  });

function isServiceAccountKey(secret: string): boolean {
  try {
    const key = JSON.parse(secret) as { client_email?: unknown; private_key?: unknown };
    return typeof key.client_email === 'string' && typeof key.private_key === 'string';
  } catch {
    return false;
  }
}

export type ParsedCredential = z.output<typeof credentialSchema>;
