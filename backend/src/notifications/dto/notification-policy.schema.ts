import { ALERT_SEVERITIES, OPS_MODULES, type NotificationPolicyInput } from '@switchyard/contracts';
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, 'must be 3–64 lowercase letters, digits or dashes');
const labelName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be a label name');

export const DEFAULT_GROUP_WAIT_SECONDS = 30;
export const DEFAULT_REPEAT_INTERVAL_SECONDS = 4 * 3600;

export const notificationPolicySchema = z.strictObject({
  id,
  name: z.string().trim().min(1).max(200),
  tenant: id.nullable().default(null),
  enabled: z.boolean().default(true),
  contactPointIds: z.array(id).min(1).max(20),
  match: z
    .strictObject({
      severities: z.array(z.enum(ALERT_SEVERITIES)).min(1).optional(),
      modules: z.array(z.enum(OPS_MODULES)).min(1).optional(),
      teams: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
      labels: z
        .record(labelName, z.string().max(200))
        .refine((labels) => Object.keys(labels).length <= 20, 'at most 20 labels')
        .optional(),
    })
    .default({}),
  groupBy: z.array(labelName).max(10).default(['ruleId']),
  groupWaitSeconds: z.number().int().min(0).max(3600).default(DEFAULT_GROUP_WAIT_SECONDS),
  repeatIntervalSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .default(DEFAULT_REPEAT_INTERVAL_SECONDS),
});

export type ParsedNotificationPolicy = z.output<typeof notificationPolicySchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _inputMatchesContract: Same<z.input<typeof notificationPolicySchema>, NotificationPolicyInput> = true;
void _inputMatchesContract;
