/**
 * Who may do what. Permissions are `resource.action` strings; roles are sets of them.
 * The same map drives the backend's guards and what the console shows.
 */
export const PERMISSIONS = [
  'system.read',
  'sources.read',
  'sources.write',
  'sources.refresh',
  'credentials.read',
  'credentials.write',
  'sync.read',
  'sync.raw_read',
  'health.read',
  'dashboard.read',
  'dashboard.write',
  'projects.read',
  'financials.read',
  'risks.read',
  'people.read',
  'people.sensitive_read',
  'events.read',
  'incidents.read',
  'crm.read',
  'ops.read',
  'ops.write',
  'ops.control',
  'alerts.read',
  'alerts.manage',
  'integrations.read',
  'integrations.manage',
  'users.read',
  'users.manage',
  'clients.manage',
  'keys.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'master_admin',
  'technical_admin',
  'business_admin',
  'compliance_admin',
  'operations_admin',
  'read_only_viewer',
  'executive',
  'team_manager',
] as const;
export type Role = (typeof ROLES)[number];

const DASHBOARDS: Permission[] = [
  'dashboard.read',
  'projects.read',
  'financials.read',
  'risks.read',
  'people.read',
  'events.read',
  'incidents.read',
  'crm.read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  master_admin: PERMISSIONS,
  technical_admin: [
    'system.read',
    'sources.read',
    'sources.write',
    'sources.refresh',
    'credentials.read',
    'credentials.write',
    'sync.read',
    'sync.raw_read',
    'health.read',
    'ops.read',
    'ops.write',
    'ops.control',
    'alerts.read',
    'alerts.manage',
    'integrations.read',
    'integrations.manage',
    'keys.manage',
  ],
  business_admin: [...DASHBOARDS, 'dashboard.write', 'health.read', 'ops.read', 'alerts.read'],
  compliance_admin: [
    'system.read',
    'health.read',
    'sync.read',
    'ops.read',
    'alerts.read',
    'integrations.read',
    'users.read',
    'audit.read',
  ],
  operations_admin: [
    'system.read',
    'sources.read',
    'sources.refresh',
    'sync.read',
    'health.read',
    'dashboard.read',
    'events.read',
    'incidents.read',
    'ops.read',
    'alerts.read',
    'alerts.manage',
    'integrations.read',
    'integrations.manage',
  ],
  read_only_viewer: ['dashboard.read', 'health.read', 'ops.read'],
  executive: [...DASHBOARDS, 'health.read', 'ops.read', 'alerts.read'],
  team_manager: ['dashboard.read', 'projects.read', 'people.read', 'events.read', 'incidents.read', 'health.read'],
};

/** OAuth2 scopes a service client may hold, and the permissions each grants. */
export const CLIENT_SCOPES = ['read:dashboard', 'write:dashboard'] as const;
export type ClientScope = (typeof CLIENT_SCOPES)[number];
export const SCOPE_PERMISSIONS: Record<ClientScope, readonly Permission[]> = {
  'read:dashboard': [...DASHBOARDS, 'health.read', 'ops.read'],
  'write:dashboard': ['dashboard.write'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]))].sort();
}

export function permissionsOfScopes(scopes: readonly ClientScope[]): Permission[] {
  return [...new Set(scopes.flatMap((scope) => SCOPE_PERMISSIONS[scope]))].sort();
}

/** `'*'` means all; a list restricts to those ids. */
export type ScopeList = '*' | string[];

/** What data a principal may see, turned into query filters in one place on the server. */
export interface DataScopes {
  /** CRM brands. */
  tenants: ScopeList;
  departments: ScopeList;
  teams: ScopeList;
  portfolios: ScopeList;
}

export const ALL_DATA: DataScopes = { tenants: '*', departments: '*', teams: '*', portfolios: '*' };

export interface Principal {
  kind: 'user' | 'client';
  id: string;
  name: string;
  email: string | null;
  roles: Role[];
  /** For service clients: the OAuth2 scopes granted. */
  scopes: ClientScope[];
  permissions: Permission[];
  dataScopes: DataScopes;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** Answer of login and refresh. The refresh token travels only in an httpOnly cookie. */
export interface SessionTokens {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  principal: Principal;
}

/** RFC 6749 section 5.1. */
export interface ClientCredentialsToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export const REFRESH_COOKIE = 'sy_refresh';

/** A single sign-on provider the console offers ("Sign in with <name>"). */
export interface SsoProvider {
  id: string;
  name: string;
  /** Navigate the browser here (optionally with `?returnTo=/path`) to sign in. */
  loginUrl: string;
}

/** Public: how this installation lets people sign in. */
export interface SsoProviders {
  localLoginEnabled: boolean;
  providers: SsoProvider[];
}

/** Answer of a sign-out of a single sign-on session whose provider offers RP-initiated logout. */
export interface SignOutAnswer {
  endSessionUrl: string;
}

/** A user as the admin API shows it (never the password hash). */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  dataScopes: DataScopes;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A service client as the admin API shows it (never the secret's hash). */
export interface ClientView {
  id: string;
  name: string;
  scopes: ClientScope[];
  dataScopes: DataScopes;
  createdAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
  /** When the current secret stops working (rotate before). */
  secretExpiresAt: string;
  /** After a rotation: until when the previous secret still works (the overlap); null when it no longer does. */
  previousSecretExpiresAt: string | null;
  /** CIDR ranges the client may call from; empty: anywhere. */
  allowedNetworks: string[];
}

/** Returned once, when a secret is made; never again. */
export interface ClientWithSecret extends ClientView {
  clientSecret: string;
}

/** One row of the audit log (`GET /admin/audit`). */
export interface AuditEvent {
  id: string;
  at: string;
  actorKind: 'user' | 'client' | 'anonymous' | 'system';
  actorId: string | null;
  /** The user's display name or the service client's name, when known. */
  actorName: string | null;
  /** The user's email, when the actor is a known user. */
  actorEmail: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  traceId: string | null;
  details: Record<string, unknown>;
}

/** The answer to a signing-key rotation: the new key id and the ids retired. */
export interface KeyRotation {
  kid: string;
  retired: string[];
  generatedAt: string;
}
