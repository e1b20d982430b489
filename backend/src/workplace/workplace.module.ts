import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataPointEntity } from '../operations';
import { SourcesModule } from '../sources';
import { CalendarEventEntity } from './entities/calendar-event.entity';
import { DepartmentEntity } from './entities/department.entity';
import { IncidentEntity } from './entities/incident.entity';
import { TeamEntity } from './entities/team.entity';
import { WorkplaceController } from './workplace.controller';
import { WorkplaceRepository } from './workplace.repository';
import { WorkplaceService } from './workplace.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([DepartmentEntity, TeamEntity, CalendarEventEntity, IncidentEntity, DataPointEntity]),
    SourcesModule,
  ],
  controllers: [WorkplaceController],
  providers: [WorkplaceService, WorkplaceRepository],
})
export class WorkplaceModule {}
