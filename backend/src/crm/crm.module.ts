import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RealtimeModule } from '../realtime';
import { SourcesModule } from '../sources';
import { CrmLiveRoutes } from './live/crm-live-routes';
import { CrmController } from './crm.controller';
import { CrmRepository } from './crm.repository';
import { CrmService } from './crm.service';
import {
  CrmHotListItemEntity,
  CrmLeadEntity,
  CrmNoteEntity,
  CrmPipelineItemEntity,
  CrmScheduledActivityEntity,
} from './entities/crm.entities';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      CrmLeadEntity,
      CrmPipelineItemEntity,
      CrmHotListItemEntity,
      CrmNoteEntity,
      CrmScheduledActivityEntity,
    ]),
    SourcesModule,
    RealtimeModule,
  ],
  controllers: [CrmController],
  providers: [CrmService, CrmRepository, CrmLiveRoutes],
})
export class CrmModule {}
