import { z } from 'zod';
import { isTimeZone } from '../../sources/dto/source-definition.schema';
import { instant, optionalText, parseItems, row, text, type Normalizer, type NormalizedRow } from './normalizer';
import { zonedWallTimeToUtc } from '../../common/time/zoned-time';

const count = z.number().int().nonnegative();
const team = z.looseObject({
  id: text,
  name: text,
  managerEmail: optionalText,
  headcount: count,
  openRoles: count,
  pipeline: z.looseObject({ applied: count, screening: count, interviewing: count, offer: count, hired: count }),
  sentimentScore: z.number().min(0).max(1).nullish(),
  updatedAt: instant,
});
const department = z.looseObject({
  id: text,
  name: text,
  headcount: count,
  openRoles: count,
  updatedAt: instant,
  teams: z.array(z.unknown()),
});

export const hrisDepartments: Normalizer = {
  tables: ['departments', 'teams'],
  normalize(payload, context) {
    const departments = parseItems('hris departments', payload, 'departments', department, context);
    const teams: NormalizedRow[] = [];
    departments.forEach((d, index) => {
      const parsed = parseItems('hris departments', payload, `departments.${index}.teams`, team, context);
      for (const t of parsed) {
        teams.push(
          row(t.id, t.updatedAt, {
            departmentId: d.id,
            name: t.name,
            managerEmail: t.managerEmail,
            headcount: t.headcount,
            openRoles: t.openRoles,
            pipeline: { ...t.pipeline },
            // Sealed by the store before it is written; see SEALED_COLUMNS.
            sentimentSealed: t.sentimentScore ?? null,
          }),
        );
      }
    });
    return {
      departments: departments.map((d) =>
        row(d.id, d.updatedAt, { name: d.name, headcount: d.headcount, openRoles: d.openRoles }),
      ),
      teams,
    };
  },
};

const wallTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'expected local YYYY-MM-DDTHH:mm:ss');
const calendarEvent = z.looseObject({
  id: text,
  title: text,
  location: optionalText,
  timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone'),
  start: wallTime,
  end: wallTime,
  rrule: optionalText,
  organizer: optionalText,
  cancelled: z.boolean().default(false),
  updated: instant,
});

export const calendarEvents: Normalizer = {
  tables: ['calendar_events'],
  normalize(payload, context) {
    const items = parseItems('calendar events', payload, 'items', calendarEvent, context);
    return {
      calendar_events: items.map((e) =>
        row(e.id, e.updated, {
          title: e.title,
          location: e.location,
          timeZone: e.timeZone,
          localStart: e.start.length === 16 ? `${e.start}:00` : e.start,
          localEnd: e.end.length === 16 ? `${e.end}:00` : e.end,
          startsAt: zonedWallTimeToUtc(e.start, e.timeZone),
          endsAt: zonedWallTimeToUtc(e.end, e.timeZone),
          rrule: e.rrule,
          organizer: e.organizer,
          cancelled: e.cancelled,
        }),
      ),
    };
  },
};

const SEVERITIES = { 1: 'critical', 2: 'high', 3: 'medium', 4: 'low' } as const;
const ticket = z.looseObject({
  number: text,
  kind: z.enum(['incident', 'request']),
  shortDescription: text,
  severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  state: z.enum(['new', 'in_progress', 'on_hold', 'resolved', 'closed']),
  assignmentGroup: optionalText,
  assignee: optionalText,
  department: optionalText,
  location: optionalText,
  openedAt: instant,
  resolvedAt: instant.nullish(),
  updatedAt: instant,
});

export const ticketingTickets: Normalizer = {
  tables: ['incidents'],
  normalize(payload, context) {
    const items = parseItems('ticketing', payload, 'tickets', ticket, context);
    return {
      incidents: items.map((t) =>
        row(t.number, t.updatedAt, {
          kind: t.kind,
          title: t.shortDescription,
          severity: SEVERITIES[t.severity],
          state: t.state,
          assignmentGroup: t.assignmentGroup,
          assignee: t.assignee,
          departmentId: t.department,
          location: t.location,
          reportedAt: t.openedAt,
          resolvedAt: t.resolvedAt ?? null,
        }),
      ),
    };
  },
};
