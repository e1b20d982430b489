import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BackendInstanceRepository } from './backend-instance.repository';
import { BackendInstanceEntity } from './entities/backend-instance.entity';
import { SystemController } from './system.controller';
import { ClientErrorsRateLimitGuard } from './client-errors-rate-limit.guard';
import { SystemService } from './system.service';

@Module({
  imports: [TypeOrmModule.forFeature([BackendInstanceEntity])],
  controllers: [SystemController],
  providers: [SystemService, BackendInstanceRepository, ClientErrorsRateLimitGuard],
})
export class SystemModule {}
