import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataPointEntity } from '../operations';
import { RealtimeModule } from '../realtime';
import { SourcesModule } from '../sources';
import { CalendarEventEntity } from './entities/calendar-event.entity';
import { DepartmentEntity } from './entities/department.entity';
import { IncidentEntity } from './entities/incident.entity';
import { TeamEntity } from './entities/team.entity';
import { WorkplaceLiveRoutes } from './live/workplace-live-routes';
import { WorkplaceController } from './workplace.controller';
import { WorkplaceRepository } from './workplace.repository';
import { WorkplaceService } from './workplace.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([DepartmentEntity, TeamEntity, CalendarEventEntity, IncidentEntity, DataPointEntity]),
    SourcesModule,
    RealtimeModule,
  ],
  controllers: [WorkplaceController],
  providers: [WorkplaceService, WorkplaceRepository, WorkplaceLiveRoutes],
})
export class WorkplaceModule {}
