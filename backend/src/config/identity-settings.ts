import { CLIENT_SCOPES, ROLES, type ClientScope, type Role } from '@switchyard/contracts';
import { z } from 'zod';

const scopeValues = z.union([z.literal('*'), z.array(z.string().min(1).max(64)).max(200)]);

/** What one claim value grants: roles (users), scopes (machine clients) and data scopes. */
const grantSchema = z.strictObject({
  roles: z.array(z.enum(ROLES)).default([]),
  scopes: z.array(z.enum(CLIENT_SCOPES)).default([]),
  tenants: scopeValues.optional(),
  departments: scopeValues.optional(),
  teams: scopeValues.optional(),
  portfolios: scopeValues.optional(),
});
export type ClaimGrant = z.infer<typeof grantSchema>;

const claimPath = z.string().regex(/^[\w:/.-]{1,200}$/, 'must be a claim name or dotted path');

/**
 * How a token's claims become Switchyard access. `claims` are read (dotted paths such as
 * `realm_access.roles`; a space-separated string counts as a list); each value found in
 * `grants` adds its roles, scopes and data scopes. `dataScopeClaims` take data scopes
 * straight from a claim's values.
 */
const mappingSchema = {
  claims: z.array(claimPath).min(1).max(10),
  grants: z.record(z.string().min(1).max(200), grantSchema),
  dataScopeClaims: z
    .strictObject({
      tenants: claimPath.optional(),
      departments: claimPath.optional(),
      teams: claimPath.optional(),
      portfolios: claimPath.optional(),
    })
    .default({}),
};
export interface ClaimMapping {
  claims: string[];
  grants: Record<string, ClaimGrant>;
  dataScopeClaims: Partial<Record<'tenants' | 'departments' | 'teams' | 'portfolios', string>>;
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/, 'must be 1–31 lowercase letters, digits or dashes');
const url = z.url({ protocol: /^https?$/ });

export const oidcProviderSchema = z.strictObject({
  id,
  /** Shown on the button: "Sign in with <name>". */
  name: z.string().min(1).max(60),
  issuer: url,
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(500),
  scopes: z.string().default('openid email profile'),
  ...mappingSchema,
  /** Link a first sign-in to an existing user of the same (verified) email. */
  linkByEmail: z.boolean().default(true),
});
export type OidcProviderSettings = z.infer<typeof oidcProviderSchema> & ClaimMapping;

export const trustedIssuerSchema = z.strictObject({
  id,
  issuer: url,
  jwksUri: url,
  /** The `aud` tokens must carry (the API identifier registered at the provider). */
  audience: z.string().min(1).max(500),
  /** Claim naming the calling client (`client_id`, `azp`, `appid`, `sub`). */
  clientIdClaim: claimPath.default('client_id'),
  ...mappingSchema,
  /** RFC 7662 introspection: a token the provider reports inactive (revoked) is refused. */
  introspection: z
    .strictObject({ url, clientId: z.string().min(1).max(200), clientSecret: z.string().min(1).max(500) })
    .optional(),
});
export type TrustedIssuerSettings = z.infer<typeof trustedIssuerSchema> & ClaimMapping;

/** Parses a JSON list setting; a string is the problem to report. */
export function parseIdentityList<T>(value: string, schema: z.ZodType<T>): T[] | string {
  if (value.trim() === '') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return 'must be a JSON array';
  }
  const parsed = z
    .array(schema)
    .max(20)
    .refine((items) => new Set(items.map((i) => (i as { id: string }).id)).size === items.length, {
      message: 'ids must be unique',
    })
    .safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `${issue.path.length ? `[${issue.path.join('.')}] ` : ''}${issue.message}`;
}

export type { ClientScope, Role };
