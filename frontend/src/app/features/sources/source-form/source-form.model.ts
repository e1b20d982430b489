import {
  CREDENTIAL_KINDS_FOR_AUTH,
  type Cadence,
  type ConnectorAuthType,
  type Credential,
  type FreshnessSlo,
  type Source,
  type SourceDefinitionInput,
  type SourceKind,
} from '@switchyard/contracts';

/** What the source form edits; `toDefinition` turns it into the API's body. */
export interface SourceFormValue {
  id: string;
  name: string;
  tenant: string;
  kind: SourceKind;
  connectorId: string;
  stream: string;
  credentialId: string;
  config: Record<string, string>;
  cadenceType: Cadence['type'];
  everySeconds: number;
  cronExpression: string;
  cronTimeZone: string;
  warnAfterSeconds: number;
  staleAfterSeconds: number;
  /** Freshness follows the cadence until the administrator changes it. */
  freshnessFollowsCadence: boolean;
  timeoutMs: number;
  enabled: boolean;
  webhookSecretCredentialId: string;
}

export const DEFAULT_EVERY_SECONDS = 300;
export const DEFAULT_TIMEOUT_MS = 10_000;
const DAY = 86_400;

/**
 * Late after three missed runs, stale after three times that: one failed run is not yet
 * news, a morning's worth is. A cron source is judged against a day.
 */
export function defaultFreshness(cadenceType: Cadence['type'], everySeconds: number): FreshnessSlo {
  const warn = cadenceType === 'cron' ? DAY + 2 * 3600 : Math.max(60, Math.round(everySeconds) * 3);
  return { warnAfterSeconds: warn, staleAfterSeconds: warn * 3 };
}

export function emptySourceForm(): SourceFormValue {
  const freshness = defaultFreshness('interval', DEFAULT_EVERY_SECONDS);
  return {
    id: '',
    name: '',
    tenant: '',
    kind: 'http-pull',
    connectorId: '',
    stream: '',
    credentialId: '',
    config: {},
    cadenceType: 'interval',
    everySeconds: DEFAULT_EVERY_SECONDS,
    cronExpression: '0 * * * *',
    cronTimeZone: 'UTC',
    ...freshness,
    freshnessFollowsCadence: true,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    enabled: true,
    webhookSecretCredentialId: '',
  };
}

export function sourceFormFrom(source: Source): SourceFormValue {
  const cadence = source.cadence;
  return {
    ...emptySourceForm(),
    id: source.id,
    name: source.name,
    tenant: source.tenant ?? '',
    kind: source.kind,
    connectorId: source.connector.id,
    stream: source.connector.stream,
    credentialId: source.connector.credentialId ?? '',
    config: { ...source.connector.config },
    cadenceType: cadence.type,
    everySeconds: cadence.type === 'interval' ? cadence.everySeconds : DEFAULT_EVERY_SECONDS,
    cronExpression: cadence.type === 'cron' ? cadence.expression : '0 * * * *',
    cronTimeZone: cadence.type === 'cron' ? cadence.timeZone : 'UTC',
    warnAfterSeconds: source.freshness.warnAfterSeconds,
    staleAfterSeconds: source.freshness.staleAfterSeconds,
    freshnessFollowsCadence: false,
    timeoutMs: source.timeoutMs,
    enabled: source.enabled,
    webhookSecretCredentialId: source.webhookSecretCredentialId ?? '',
  };
}

/**
 * The API body. Editing replaces the whole definition (PUT), so what the form does not show
 * (retry, breaker, full sync, off-hours cadence, data-age tracking) is carried over from `base`.
 */
export function toDefinition(value: SourceFormValue, base?: Source | null): SourceDefinitionInput {
  const config = Object.fromEntries(Object.entries(value.config).filter(([, v]) => v.trim() !== ''));
  const baseInterval = base?.cadence.type === 'interval' ? base.cadence : undefined;
  const cadence: Cadence =
    value.cadenceType === 'cron'
      ? { type: 'cron', expression: value.cronExpression.trim(), timeZone: value.cronTimeZone.trim() }
      : {
          type: 'interval',
          everySeconds: Number(value.everySeconds),
          ...(baseInterval?.offHoursEverySeconds ? { offHoursEverySeconds: baseInterval.offHoursEverySeconds } : {}),
          ...(baseInterval?.businessHours ? { businessHours: baseInterval.businessHours } : {}),
        };
  return {
    id: value.id.trim(),
    name: value.name.trim(),
    kind: value.kind,
    connector: {
      id: value.connectorId,
      stream: value.stream,
      credentialId: value.credentialId || null,
      config,
    },
    tenant: value.tenant.trim() || null,
    enabled: value.enabled,
    cadence,
    timeoutMs: Number(value.timeoutMs),
    freshness: {
      warnAfterSeconds: Number(value.warnAfterSeconds),
      staleAfterSeconds: Number(value.staleAfterSeconds),
      ...(base ? { trackDataAge: base.freshness.trackDataAge ?? true } : {}),
    },
    webhookSecretCredentialId: value.webhookSecretCredentialId || null,
    ...(base ? { fullSync: base.fullSync, retry: base.retry, breaker: base.breaker } : {}),
  };
}

/**
 * Credentials the connector's auth can use: of a compatible kind, and either shared or of
 * the source's tenant (the API refuses another tenant's credential).
 */
export function compatibleCredentials(
  credentials: readonly Credential[],
  authType: ConnectorAuthType | undefined,
  tenant: string,
): Credential[] {
  if (!authType) return [];
  const kinds = CREDENTIAL_KINDS_FOR_AUTH[authType];
  return credentials.filter((c) => kinds.includes(c.kind) && (c.tenant === null || c.tenant === tenant.trim()));
}

export function credentialKindsFor(authType: ConnectorAuthType | undefined): readonly string[] {
  return authType ? CREDENTIAL_KINDS_FOR_AUTH[authType] : [];
}
