import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SourcesModule } from '../sources';
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
  ],
  controllers: [CrmController],
  providers: [CrmService, CrmRepository],
})
export class CrmModule {}
