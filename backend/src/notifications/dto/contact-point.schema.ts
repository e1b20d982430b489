import { CONTACT_POINT_KINDS, type ContactPointInput } from '@switchyard/contracts';
import { z } from 'zod';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
const id = z.string().regex(ID_PATTERN, 'must be 3–64 lowercase letters, digits or dashes');
const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), 'must be an http(s) URL');

const settings = z.strictObject({
  url: httpUrl.optional(),
  smtpHost: z.string().min(1).max(255).optional(),
  smtpPort: z.number().int().min(1).max(65_535).optional(),
  smtpSecure: z.boolean().optional(),
  smtpUser: z.string().min(1).max(255).nullable().optional(),
  from: z.email().optional(),
  to: z.array(z.email()).min(1).max(20).optional(),
});

/** What each kind needs, checked after the shape. */
export const contactPointSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(CONTACT_POINT_KINDS),
    tenant: id.nullable().default(null),
    settings: settings.default({}),
    secret: z.string().min(1).max(4096).nullable().default(null),
  })
  .superRefine((point, ctx) => {
    const need = (ok: boolean, path: (string | number)[], message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path, message });
    };
    const { kind, secret, settings: s } = point;
    if (kind === 'slack' || kind === 'teams') {
      need(secret !== null && httpUrl.safeParse(secret).success, ['secret'], `is the ${kind} incoming-webhook URL`);
    }
    if (kind === 'pagerduty') need(secret !== null, ['secret'], 'is the PagerDuty Events API v2 routing key');
    if (kind === 'webhook') {
      need(s.url !== undefined, ['settings', 'url'], 'is required for webhook contact points');
      need(secret?.startsWith('whsec_') ?? false, ['secret'], 'is the signing secret (whsec_…)');
    }
    if (kind === 'email') {
      need(s.smtpHost !== undefined, ['settings', 'smtpHost'], 'is required for email contact points');
      need(s.from !== undefined, ['settings', 'from'], 'is required for email contact points');
      need(s.to !== undefined, ['settings', 'to'], 'is required for email contact points');
    }
  });

export type ParsedContactPoint = z.output<typeof contactPointSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _inputMatchesContract: Same<z.input<typeof contactPointSchema>, ContactPointInput> = true;
void _inputMatchesContract;
