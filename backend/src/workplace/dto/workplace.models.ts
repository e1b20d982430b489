import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATES,
  type IncidentKind,
  type IncidentSeverity,
  type IncidentState,
  type DepartmentMetrics,
  type DepartmentScorecard,
  type EventOccurrence,
  type EventsPage,
  type HiringPipelineStats,
  type Incident,
  type IncidentsPage,
  type PeoplePage,
  type TeamStaffing,
  type WorkplaceSummary,
} from '@switchyard/contracts';
import { PageModel, TimestampedModel } from '../../common';
import { FreshnessModel } from '../../sources/dto/source.models';

/** OpenAPI models of the workplace answers (shapes in libs/contracts/src/workplace.ts). */
export class DepartmentMetricsModel implements DepartmentMetrics {
  @ApiProperty() headcount!: number;
  @ApiProperty() openRoles!: number;
  @ApiProperty({ description: 'Incidents in state new, in_progress or on_hold.' }) openIncidents!: number;
  @ApiProperty({ description: 'Workplace requests in state new, in_progress or on_hold.' }) openTasks!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'headcount / (headcount + openRoles); null with no seats.',
  })
  utilisation!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Latest uptime_percentage sample at or before the date.' })
  uptime!: number | null;
}

export class DepartmentScorecardModel implements DepartmentScorecard {
  @ApiProperty({ example: 'ops' }) id!: string;
  @ApiProperty({ example: 'Operations' }) name!: string;
  @ApiProperty({ type: DepartmentMetricsModel }) metrics!: DepartmentMetricsModel;
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class WorkplaceSummaryModel extends TimestampedModel implements WorkplaceSummary {
  @ApiProperty({ type: String, format: 'date', nullable: true }) date!: string | null;
  @ApiProperty({
    type: [String],
    example: ['headcount', 'openRoles', 'utilisation'],
    description:
      'With a date: the figures that are still today’s (no staffing history is kept); openIncidents, openTasks ' +
      'and uptime are as of the end of that day. Empty without a date.',
  })
  figuresAsOfNow!: string[];
  @ApiProperty({ type: [DepartmentScorecardModel] }) departments!: DepartmentScorecardModel[];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class HiringPipelineModel implements HiringPipelineStats {
  @ApiProperty() applied!: number;
  @ApiProperty() screening!: number;
  @ApiProperty() interviewing!: number;
  @ApiProperty() offer!: number;
  @ApiProperty() hired!: number;
}

export class TeamStaffingModel implements TeamStaffing {
  @ApiProperty({ example: 'ops-facilities' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'ops' }) departmentId!: string;
  @ApiProperty({ type: String, nullable: true }) managerEmail!: string | null;
  @ApiProperty() headcount!: number;
  @ApiProperty() openRoles!: number;
  @ApiProperty({ type: HiringPipelineModel }) pipeline!: HiringPipelineModel;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Only with include=sentiment; 0–1.' })
  sentimentScore?: number | null;
}

export class PeoplePageModel extends PageModel implements PeoplePage {
  @ApiProperty({ type: [TeamStaffingModel] }) items!: TeamStaffingModel[];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class EventOccurrenceModel implements EventOccurrence {
  @ApiProperty({ example: 'evt-1001@2026-03-09T14:00:00.000Z' }) id!: string;
  @ApiProperty({ example: 'evt-1001' }) eventId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) location!: string | null;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty({ example: 'America/Chicago' }) timeZone!: string;
  @ApiProperty({ example: '2026-03-09T09:00:00' }) localStart!: string;
  @ApiProperty() recurring!: boolean;
  @ApiProperty({ type: String, nullable: true }) organizer!: string | null;
}

export class EventsPageModel extends PageModel implements EventsPage {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: [EventOccurrenceModel] }) items!: EventOccurrenceModel[];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class IncidentModel implements Incident {
  @ApiProperty({ example: 'INC0010001' }) id!: string;
  @ApiProperty({ enum: INCIDENT_KINDS }) kind!: IncidentKind;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: INCIDENT_SEVERITIES }) severity!: IncidentSeverity;
  @ApiProperty({ enum: INCIDENT_STATES }) state!: IncidentState;
  @ApiProperty({ type: String, nullable: true }) assignmentGroup!: string | null;
  @ApiProperty({ type: String, nullable: true }) assignee!: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) location!: string | null;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
}

export class IncidentsPageModel extends PageModel implements IncidentsPage {
  @ApiProperty({ type: [IncidentModel] }) items!: IncidentModel[];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}
