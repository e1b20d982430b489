import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLIENT_SCOPES,
  PERMISSIONS,
  ROLES,
  type ClientScope,
  type DataScopes,
  type Permission,
  type Role,
  type ClientCredentialsToken,
  type ClientView,
  type ClientWithSecret,
  type Page,
  type Principal,
  type SessionTokens,
  type SignOutAnswer,
  type UserView,
  type AuditEvent,
  type KeyRotation,
} from '@switchyard/contracts';
import { PageModel, TimestampedModel, zodBodySchema } from '../../common';
import {
  allowedNetworksSchema,
  createClientSchema,
  createUserSchema,
  loginSchema,
  rotateKeysSchema,
  updateUserSchema,
} from './auth.schemas';

export const LOGIN_BODY = zodBodySchema(loginSchema);
export const CREATE_USER_BODY = zodBodySchema(createUserSchema);
export const UPDATE_USER_BODY = zodBodySchema(updateUserSchema);
export const CREATE_CLIENT_BODY = zodBodySchema(createClientSchema);
export const ROTATE_KEYS_BODY = zodBodySchema(rotateKeysSchema);
export const ALLOWED_NETWORKS_BODY = zodBodySchema(allowedNetworksSchema);

const scopeList = {
  oneOf: [
    { type: 'string', enum: ['*'] },
    { type: 'array', items: { type: 'string' } },
  ],
};

export class DataScopesModel implements DataScopes {
  @ApiProperty({ ...scopeList, description: 'CRM brands; `*` for all.' }) tenants!: DataScopes['tenants'];
  @ApiProperty(scopeList) departments!: DataScopes['departments'];
  @ApiProperty(scopeList) teams!: DataScopes['teams'];
  @ApiProperty(scopeList) portfolios!: DataScopes['portfolios'];
}

export class PrincipalModel implements Principal {
  @ApiProperty({ enum: ['user', 'client'] }) kind!: 'user' | 'client';
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ enum: CLIENT_SCOPES, isArray: true }) scopes!: ClientScope[];
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: Permission[];
  @ApiProperty({ type: DataScopesModel }) dataScopes!: DataScopesModel;
}

export class SessionTokensModel extends TimestampedModel implements SessionTokens {
  @ApiProperty({ description: 'RS256 JWT; send as `Authorization: Bearer …`.' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ example: 900 }) expiresIn!: number;
  @ApiProperty({ type: PrincipalModel }) principal!: PrincipalModel;
}

export class SignOutModel implements SignOutAnswer {
  @ApiProperty({ description: 'The provider’s end-session URL (RP-initiated logout).' }) endSessionUrl!: string;
}

export class TokenRequestModel {
  @ApiProperty({ enum: ['client_credentials'] }) grant_type!: string;
  @ApiPropertyOptional({ description: 'Or use HTTP Basic.' }) client_id?: string;
  @ApiPropertyOptional({ description: 'Or use HTTP Basic.' }) client_secret?: string;
  @ApiPropertyOptional({ description: 'Space-separated subset of the client’s scopes.', example: 'read:dashboard' })
  scope?: string;
}

export class TokenResponseModel implements ClientCredentialsToken {
  @ApiProperty() access_token!: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type!: 'Bearer';
  @ApiProperty({ example: 900 }) expires_in!: number;
  @ApiProperty({ example: 'read:dashboard' }) scope!: string;
}

export class UserModel extends TimestampedModel implements UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: DataScopesModel }) dataScopes!: DataScopesModel;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class UserPageModel extends PageModel implements Page<UserView> {
  @ApiProperty({ type: [UserModel] }) items!: UserModel[];
}

export class ClientModel extends TimestampedModel implements ClientView {
  @ApiProperty({ example: 'demo-integrator' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CLIENT_SCOPES, isArray: true }) scopes!: ClientScope[];
  @ApiProperty({ type: DataScopesModel }) dataScopes!: DataScopesModel;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) rotatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the current secret stops working.' }) secretExpiresAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'After a rotation: until when the previous secret still works.',
  })
  previousSecretExpiresAt!: string | null;
  @ApiProperty({ type: [String], example: ['10.0.0.0/8'], description: 'Empty: any address.' })
  allowedNetworks!: string[];
}

export class ClientWithSecretModel extends ClientModel implements ClientWithSecret {
  @ApiProperty({ description: 'Shown once. Store it now; it cannot be read again.' }) clientSecret!: string;
}

export class ClientPageModel extends PageModel implements Page<ClientView> {
  @ApiProperty({ type: [ClientModel] }) items!: ClientModel[];
}

export class AuditEventModel implements AuditEvent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['user', 'client', 'anonymous', 'system'] }) actorKind!: AuditEvent['actorKind'];
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The user's display name or the service client's name." })
  actorName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The user's email, when the actor is a known user." })
  actorEmail!: string | null;
  @ApiProperty({ example: 'auth.login' }) action!: string;
  @ApiProperty({ type: String, nullable: true }) resourceType!: string | null;
  @ApiProperty({ type: String, nullable: true }) resourceId!: string | null;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome!: AuditEvent['outcome'];
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) traceId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class AuditPageModel extends PageModel implements Page<AuditEvent> {
  @ApiProperty({ type: [AuditEventModel] }) items!: AuditEventModel[];
}

export class KeyRotationModel extends TimestampedModel implements KeyRotation {
  @ApiProperty() kid!: string;
  @ApiProperty({ type: [String] }) retired!: string[];
}
