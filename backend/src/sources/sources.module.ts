import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config';
import { ConnectorsModule } from '../connectors';
import { AddressPolicy } from './address-policy';
import { CredentialsController } from './credentials.controller';
import { CredentialsService } from './credentials.service';
import { CredentialEntity } from './entities/credential.entity';
import { SourceEntity } from './entities/source.entity';
import { SourcesController } from './sources.controller';
import { CredentialsRepository, SourcesRepository } from './sources.repository';
import { SourcesService } from './sources.service';
import { FreshnessService } from './state/freshness.service';
import { SourceStateEntity } from './state/source-state.entity';
import { SourceStateMetrics } from './state/source-state-metrics';
import { SourceStateRepository } from './state/source-state.repository';
import { SourceStateView } from './state/source-state-view';
import { UpstreamHealthController } from './state/upstream-health.controller';

/**
 * Sources: their definitions, sealed credentials, the upstream address policy, and their
 * state — cursor, clocks, last attempt, breaker — with the freshness every read domain
 * judges its answers by. The sync engine writes the state; everyone else reads it here.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SourceEntity, CredentialEntity, SourceStateEntity]), ConnectorsModule],
  controllers: [SourcesController, CredentialsController, UpstreamHealthController],
  providers: [
    SourcesService,
    CredentialsService,
    SourcesRepository,
    CredentialsRepository,
    SourceStateRepository,
    SourceStateView,
    FreshnessService,
    SourceStateMetrics,
    {
      provide: AddressPolicy,
      inject: [AppConfig],
      // Demo mode reaches its simulator on loopback; everything else is allow-listed by configuration.
      useFactory: (config: AppConfig) =>
        new AddressPolicy([...config.sync.allowedHosts, ...(config.demo.enabled ? ['127.0.0.1'] : [])]),
    },
  ],
  exports: [
    SourcesService,
    CredentialsService,
    SourceStateRepository,
    SourceStateView,
    FreshnessService,
    SourceStateMetrics,
    AddressPolicy,
  ],
})
export class SourcesModule {}
