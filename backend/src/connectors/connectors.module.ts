import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectorsController } from './connectors.controller';
import { ConnectorsRepository } from './connectors.repository';
import { ConnectorsService } from './connectors.service';
import { ConnectorEntity, ConnectorVersionEntity } from './entities/connector.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ConnectorEntity, ConnectorVersionEntity])],
  controllers: [ConnectorsController],
  providers: [ConnectorsService, ConnectorsRepository],
  exports: [ConnectorsService],
})
export class ConnectorsModule {}
