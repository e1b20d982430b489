import { CLIENT_SCOPES, ROLES } from '@switchyard/contracts';
import { z } from 'zod';
import { parseCidr } from '../hygiene/networks';

const scopeList = z.union([
  z.literal('*'),
  z.array(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N} _&.'()/-]{0,63}$/u)).max(200),
]);

export const dataScopesSchema = z.strictObject({
  tenants: scopeList.default([]),
  departments: scopeList.default([]),
  teams: scopeList.default([]),
  portfolios: scopeList.default([]),
});

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address');
const password = z.string().min(12, 'must be at least 12 characters').max(200);

/** Strict: `role`, `tenantId` or anything else not listed is refused (no mass assignment). */
export const loginSchema = z.strictObject({ email, password: z.string().min(1).max(200) });

export const createUserSchema = z.strictObject({
  email,
  displayName: z.string().trim().min(1).max(200),
  password,
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  dataScopes: dataScopesSchema,
});

export const updateUserSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  password: password.optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
  dataScopes: dataScopesSchema.optional(),
  disabled: z.boolean().optional(),
});

/** `compromised`: the old keys stop verifying at once and every token issued before is refused. */
export const rotateKeysSchema = z.strictObject({ compromised: z.boolean().optional() });

const cidr = z
  .string()
  .trim()
  .max(64)
  .refine((value) => parseCidr(value) !== null, 'must be an IP address or CIDR range such as 10.0.0.0/8');

/** CIDR ranges a client may call from; empty allows any address. */
export const allowedNetworksSchema = z.strictObject({ allowedNetworks: z.array(cidr).max(50) });

export const createClientSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, 'must be 3–64 lowercase letters, digits or dashes'),
  name: z.string().trim().min(1).max(200),
  scopes: z.array(z.enum(CLIENT_SCOPES)).min(1),
  dataScopes: dataScopesSchema,
  allowedNetworks: z.array(cidr).max(50).default([]),
});
