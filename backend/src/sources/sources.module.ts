import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectorsModule } from '../connectors';
import { CredentialsController } from './credentials.controller';
import { CredentialsService } from './credentials.service';
import { CredentialEntity } from './entities/credential.entity';
import { SourceEntity } from './entities/source.entity';
import { SourcesController } from './sources.controller';
import { CredentialsRepository, SourcesRepository } from './sources.repository';
import { SourcesService } from './sources.service';

@Module({
  imports: [TypeOrmModule.forFeature([SourceEntity, CredentialEntity]), ConnectorsModule],
  controllers: [SourcesController, CredentialsController],
  providers: [SourcesService, CredentialsService, SourcesRepository, CredentialsRepository],
  exports: [SourcesService, CredentialsService],
})
export class SourcesModule {}
