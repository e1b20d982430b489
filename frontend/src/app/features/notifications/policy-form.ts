import type { AlertSeverity, NotificationPolicy, NotificationPolicyInput, OpsModule } from '@switchyard/contracts';

/** The fields of the policy form, as shown and typed (lists as comma-separated text). */
export interface PolicyFields {
  id: string;
  name: string;
  /** Empty: every tenant. */
  tenant: string;
  enabled: boolean;
  contactPointIds: string[];
  severities: AlertSeverity[];
  modules: OpsModule[];
  teams: string;
  /** `name=value` pairs, comma separated. */
  labels: string;
  groupBy: string;
  groupWaitSeconds: string;
  repeatMinutes: string;
}

/** The form of a new policy, or of an existing one to edit. */
export function policyFields(policy?: NotificationPolicy): PolicyFields {
  if (!policy) {
    return {
      id: '',
      name: '',
      tenant: '',
      enabled: true,
      contactPointIds: [],
      severities: [],
      modules: [],
      teams: '',
      labels: '',
      groupBy: 'ruleId',
      groupWaitSeconds: '30',
      repeatMinutes: '240',
    };
  }
  return {
    id: policy.id,
    name: policy.name,
    tenant: policy.tenant ?? '',
    enabled: policy.enabled,
    contactPointIds: [...policy.contactPointIds],
    severities: [...(policy.match.severities ?? [])],
    modules: [...(policy.match.modules ?? [])],
    teams: (policy.match.teams ?? []).join(', '),
    labels: Object.entries(policy.match.labels ?? {})
      .map(([name, value]) => `${name}=${value}`)
      .join(', '),
    groupBy: policy.groupBy.join(', '),
    groupWaitSeconds: String(policy.groupWaitSeconds),
    repeatMinutes: String(policy.repeatIntervalSeconds / 60),
  };
}

/**
 * The API body for the form: empty conditions are left out (an empty match routes every
 * alert). Labels must be written `name=value`; anything else is refused here, naming it, and
 * the server validates the rest.
 */
export function policyInput(fields: PolicyFields): NotificationPolicyInput {
  const list = (text: string) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const labels: Record<string, string> = {};
  for (const pair of list(fields.labels)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`labels: "${pair}" is not name=value`);
    labels[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  const teams = list(fields.teams);
  return {
    id: fields.id.trim(),
    name: fields.name.trim(),
    tenant: fields.tenant.trim() || null,
    enabled: fields.enabled,
    contactPointIds: fields.contactPointIds,
    match: {
      ...(fields.severities.length > 0 ? { severities: fields.severities } : {}),
      ...(fields.modules.length > 0 ? { modules: fields.modules } : {}),
      ...(teams.length > 0 ? { teams } : {}),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
    },
    groupBy: list(fields.groupBy),
    groupWaitSeconds: Number(fields.groupWaitSeconds || '30'),
    repeatIntervalSeconds: Math.round(Number(fields.repeatMinutes || '240') * 60),
  };
}

/** What a policy routes, in words, for its row. */
export function describeMatch(policy: NotificationPolicy): string {
  const { severities, modules, teams, labels } = policy.match;
  const parts = [
    ...(severities ? [`severity ${severities.join('/')}`] : []),
    ...(modules ? [`module ${modules.join('/')}`] : []),
    ...(teams ? [`team ${teams.join('/')}`] : []),
    ...Object.entries(labels ?? {}).map(([name, value]) => `${name}=${value}`),
  ];
  return parts.length > 0 ? parts.join(', ') : 'every alert';
}
