export { DepartmentEntity } from './entities/department.entity';
export { TeamEntity, type HiringPipeline } from './entities/team.entity';
export { CalendarEventEntity } from './entities/calendar-event.entity';
export { IncidentEntity } from './entities/incident.entity';
export { WorkplaceModule } from './workplace.module';
