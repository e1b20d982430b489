import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config';
import { AdminController } from './admin.controller';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth.controller';
import { GlobalAuthGuard } from './auth.guard';
import { ClientCredentialsService } from './client-credentials.service';
import { ClientsService } from './clients.service';
import { AuditEventEntity } from './entities/audit-event.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { ServiceClientEntity } from './entities/service-client.entity';
import { SigningKeyEntity } from './entities/signing-key.entity';
import { PrincipalVersionEntity } from './entities/principal-version.entity';
import { UserEntity } from './entities/user.entity';
import { PrincipalVersionsRepository } from './revocation/principal-versions.repository';
import { PrincipalVersionsService } from './revocation/principal-versions.service';
import { JwksController } from './jwks.controller';
import { DataScopeService } from './data-scope.service';
import { SecurityCounters } from './security-counters';
import { ExternalTokensService } from './federation/external-tokens.service';
import { ClientNetworkEntity } from './entities/client-network.entity';
import { ClientAccessService } from './hygiene/client-access.service';
import { ClientNetworksRepository } from './hygiene/client-networks.repository';
import { ClientSecretsMonitor } from './hygiene/client-secrets-monitor.service';
import { OidcController } from './federation/oidc.controller';
import { OidcLoginService } from './federation/oidc-login.service';
import { SessionsService } from './sessions.service';
import { AccessTokensService } from './tokens/access-tokens.service';
import { VerifiedTokens } from './tokens/verified-tokens';
import { JwtStrategy } from './tokens/jwt.strategy';
import { SigningKeysService } from './tokens/signing-keys.service';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forFeature([
      UserEntity,
      ServiceClientEntity,
      RefreshTokenEntity,
      SigningKeyEntity,
      AuditEventEntity,
      PrincipalVersionEntity,
      ClientNetworkEntity,
    ]),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'signin', ttl: 60_000, limit: config.auth.rateLimitPerMinute },
          // Every console page load refreshes; sign-ins stay the scarce resource.
          { name: 'refresh', ttl: 60_000, limit: config.auth.rateLimitPerMinute * 6 },
          // Integration webhooks (per address and integration; see WebhookThrottlerGuard).
          { name: 'webhooks', ttl: 60_000, limit: config.integrations.rateLimitPerMinute },
        ],
      }),
    }),
  ],
  controllers: [AuthController, JwksController, AdminController, OidcController],
  providers: [
    { provide: APP_GUARD, useClass: GlobalAuthGuard },
    SigningKeysService,
    AccessTokensService,
    JwtStrategy,
    VerifiedTokens,
    SessionsService,
    SecurityCounters,
    ClientCredentialsService,
    UsersService,
    ClientsService,
    AuditService,
    DataScopeService,
    PrincipalVersionsRepository,
    PrincipalVersionsService,
    ExternalTokensService,
    OidcLoginService,
    ClientNetworksRepository,
    ClientAccessService,
    ClientSecretsMonitor,
  ],
  exports: [
    AuditService,
    ClientAccessService,
    SecurityCounters,
    UsersService,
    ClientsService,
    AccessTokensService,
    DataScopeService,
    PrincipalVersionsService,
  ],
})
export class AuthModule {}
