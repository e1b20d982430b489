import {
  EVENT_TIMEFRAME_DEFAULT,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATES,
  type IncidentKind,
} from '@switchyard/contracts';
import { commaList, isoDateTime, matching, oneOf, PageQueryDto, QueryField, text } from '../../common';

/** A department or team id: a code (`ops`) or the name an HRIS uses as its id (`FP&A`). */
const NAME = "[\\p{L}\\p{N}][\\p{L}\\p{N} _&.'()/-]{0,63}";
const ID = new RegExp(`^${NAME}$`, 'u');
const ID_LIST = new RegExp(`^${NAME}(,${NAME})*$`, 'u');

const department = matching(ID, 'department must be a department id').optional();

export class SummaryQueryDto {
  @QueryField(commaList(matching(ID_LIST, 'departments must be a comma-separated list of department ids')).optional(), {
    example: 'Operations,Engineering',
    description: 'Comma-separated or repeated department ids; all visible when absent.',
  })
  departments?: string;

  @QueryField(
    matching(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
      .pipe(isoDateTime('date must be a real calendar date, YYYY-MM-DD'))
      .optional(),
    {
      format: 'date',
      example: '2026-05-01',
      description:
        'Open incidents and tasks and uptime as of the end of this UTC day; staffing stays today’s and the answer ' +
        'names it in figuresAsOfNow. Now when absent.',
    },
  )
  date?: string;
}

export class PeopleQueryDto extends PageQueryDto {
  @QueryField(matching(ID, 'team must be a team id').optional(), { example: 'Facilities' })
  team?: string;

  @QueryField(department, { example: 'Operations' })
  department?: string;

  @QueryField(oneOf('include', ['sentiment']).optional(), {
    enum: ['sentiment'],
    description: 'sentiment needs people.sensitive_read and is audited.',
  })
  include?: 'sentiment';
}

export class EventsQueryDto extends PageQueryDto {
  @QueryField(matching(/^\d{1,3}d$/, 'timeframe must be a number of days like 7d (1d to 90d)').optional(), {
    example: EVENT_TIMEFRAME_DEFAULT,
    description: 'Window length in days, 1d to 90d.',
  })
  timeframe?: string;

  @QueryField(text('location', 100).optional(), { example: 'hq', description: 'Case-insensitive exact location.' })
  location?: string;

  @QueryField(isoDateTime('from must be an ISO 8601 date-time').optional(), {
    format: 'date-time',
    description: 'Window start; now when absent.',
  })
  from?: string;
}

export class IncidentsQueryDto extends PageQueryDto {
  @QueryField(commaList(text('state', 200, 'state is too long')).optional(), {
    example: 'open',
    description: `Comma list of open, closed or raw states (${INCIDENT_STATES.join(', ')}).`,
  })
  state?: string;

  @QueryField(commaList(text('severity', 200, 'severity is too long')).optional(), {
    example: 'high,critical',
    description: `Comma list of ${INCIDENT_SEVERITIES.join(', ')}.`,
  })
  severity?: string;

  @QueryField(department, { example: 'Operations' })
  department?: string;

  @QueryField(oneOf('kind', INCIDENT_KINDS).optional(), { enum: INCIDENT_KINDS })
  kind?: IncidentKind;
}
