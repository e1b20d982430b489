import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BackendInstanceRepository } from './backend-instance.repository';
import { BackendInstanceEntity } from './entities/backend-instance.entity';
import { SystemController } from './system.controller';
import { SystemService } from './system.service';

@Module({
  imports: [TypeOrmModule.forFeature([BackendInstanceEntity])],
  controllers: [SystemController],
  providers: [SystemService, BackendInstanceRepository],
})
export class SystemModule {}
