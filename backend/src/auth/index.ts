export { AuthModule } from './auth.module';
export {
  Authenticated,
  CurrentPrincipal,
  Public,
  RequirePermission,
  PUBLIC_ROUTE,
  REQUIRED_PERMISSION,
  AUTHENTICATED_ONLY,
} from './decorators';
export { AuditService } from './audit/audit.service';
export { ClientAccessService } from './hygiene/client-access.service';
export { SecurityCounters, SECURITY_COUNTS, type SecurityCount } from './security-counters';
export { UsersService } from './users.service';
export { ClientsService } from './clients.service';
export { AccessTokensService } from './tokens/access-tokens.service';
export { DataScopeService, type ScopeFilter } from './data-scope.service';
export { userPrincipal, clientPrincipal } from './principal';
export { PrincipalVersionsService, EVERY_PRINCIPAL, type VersionChange } from './revocation/principal-versions.service';
