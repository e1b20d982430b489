import { NORMALIZER_NAMES, SOURCE_KINDS, type SourceDefinitionInput } from '@switchyard/contracts';
import { Cron } from 'croner';
import { z } from 'zod';

export const MIN_CADENCE_SECONDS = 5;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
const FIELD_NAME = /^[A-Za-z_][\w.]{0,99}$/;

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRY = { maxAttempts: 3, initialDelayMs: 500, maxDelayMs: 10_000 };
export const DEFAULT_BREAKER = { failureThreshold: 5, halfOpenAfterMs: 60_000 };

const id = z.string().regex(ID_PATTERN, 'must be 3–64 lowercase letters, digits or dashes');
const seconds = (min: number, max: number) => z.number().int().min(min).max(max);

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

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

const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL');

const auth = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('bearer'), credentialId: id }),
  z.strictObject({
    type: z.literal('api-key'),
    credentialId: id,
    header: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name'),
  }),
  z.strictObject({
    type: z.literal('oauth2-client-credentials'),
    credentialId: id,
    tokenUrl: httpUrl,
    scope: z.string().max(500).optional(),
  }),
]);

const param = z.string().regex(/^[A-Za-z_][\w.[\]-]{0,63}$/, 'must be a query parameter name');
const pageSize = z.number().int().min(1).max(1000);
const maxPages = z.number().int().min(1).max(10_000);
const path = z.string().regex(FIELD_NAME, 'must be a field path like data or meta.items');

const pagination = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('page'), pageParam: param, sizeParam: param, pageSize, itemsPath: path, maxPages }),
  z.strictObject({
    type: z.literal('offset'),
    offsetParam: param,
    limitParam: param,
    pageSize,
    itemsPath: path,
    maxPages,
  }),
  z.strictObject({
    type: z.literal('cursor'),
    cursorParam: param,
    limitParam: param,
    pageSize,
    itemsPath: path,
    nextCursorPath: path,
    maxPages,
  }),
]);

const request = z.strictObject({
  url: httpUrl,
  auth,
  pagination: pagination.default({ type: 'none' }),
  incremental: z.strictObject({ param, cursorField: path }).nullable().default(null),
  volatileFields: z.array(path).max(20).default([]),
});

export const sourceDefinitionSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(SOURCE_KINDS),
    normalizer: z.enum(NORMALIZER_NAMES),
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
    request: request.nullable().default(null),
    mapping: z.record(z.string().regex(FIELD_NAME), z.string().regex(FIELD_NAME)).default({}),
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
    if (source.kind === 'http-pull' && !source.request) {
      ctx.addIssue({ code: 'custom', path: ['request'], message: 'is required for http-pull sources' });
    }
    if (source.kind === 'webhook' && !source.webhookSecretCredentialId) {
      ctx.addIssue({ code: 'custom', path: ['webhookSecretCredentialId'], message: 'is required for webhook sources' });
    }
    if (source.retry.maxDelayMs < source.retry.initialDelayMs) {
      ctx.addIssue({ code: 'custom', path: ['retry', 'maxDelayMs'], message: 'must be at least initialDelayMs' });
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
    kind: z.enum(['token', 'client-credentials', 'webhook-secret']),
    tenant: id.nullable().default(null),
    clientId: z.string().min(1).max(200).nullable().default(null),
    secret: z.string().min(1).max(4096),
  })
  .superRefine((credential, ctx) => {
    if (credential.kind === 'client-credentials' && !credential.clientId) {
      ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'is required for client-credentials' });
    }
  });

export type ParsedCredential = z.output<typeof credentialSchema>;
