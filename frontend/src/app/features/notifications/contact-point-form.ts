import type { ContactPointInput, ContactPointKind } from '@switchyard/contracts';

/** The fields of the "new contact point" form, as typed. */
export interface ContactPointFields {
  id: string;
  name: string;
  kind: ContactPointKind;
  /** slack/teams: webhook URL; pagerduty: routing key; webhook: signing secret; email: SMTP password. */
  secret: string;
  /** webhook: target URL; pagerduty: Events API URL (optional). */
  url: string;
  smtpHost: string;
  smtpPort: string;
  smtpUser: string;
  from: string;
  to: string;
}

/** What the secret field means for each kind, for its label. */
export const SECRET_LABELS: Record<ContactPointKind, string> = {
  slack: 'Incoming-webhook URL',
  teams: 'Incoming-webhook URL',
  pagerduty: 'Routing key (Events API v2)',
  webhook: 'Signing secret (whsec_…)',
  email: 'SMTP password (optional)',
};

/** The API body for the form: only the settings the kind uses; the server validates the rest. */
export function contactPointInput(fields: ContactPointFields): ContactPointInput {
  const trimmed = (value: string) => value.trim() || undefined;
  const settings: ContactPointInput['settings'] = {};
  if (fields.kind === 'webhook' || fields.kind === 'pagerduty') settings.url = trimmed(fields.url);
  if (fields.kind === 'email') {
    settings.smtpHost = trimmed(fields.smtpHost);
    settings.smtpPort = fields.smtpPort.trim() ? Number(fields.smtpPort) : undefined;
    settings.smtpUser = trimmed(fields.smtpUser) ?? null;
    settings.from = trimmed(fields.from);
    const to = fields.to
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean);
    settings.to = to.length > 0 ? to : undefined;
  }
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  return {
    id: fields.id.trim(),
    name: fields.name.trim(),
    kind: fields.kind,
    settings: defined,
    secret: trimmed(fields.secret) ?? null,
  };
}
