import { Injectable } from '@nestjs/common';
import {
  EVENT_TIMEFRAME_DEFAULT,
  worstFreshnessState,
  type DepartmentScorecard,
  type EventOccurrence,
  type EventsPage,
  type Freshness,
  type Incident,
  type IncidentKind,
  type IncidentSeverity,
  type IncidentState,
  type IncidentsPage,
  type PeoplePage,
  type Principal,
  type TeamStaffing,
  type WorkplaceSummary,
} from '@switchyard/contracts';
import { AuditService, DataScopeService } from '../auth';
import {
  Clock,
  DomainException,
  SecretBox,
  toPage,
  ValidationFailedException,
  type PageWindow,
  type Stamped,
} from '../common';
import { FreshnessService } from '../sources';
import type { CalendarEventEntity } from './entities/calendar-event.entity';
import type { IncidentEntity } from './entities/incident.entity';
import type { TeamEntity } from './entities/team.entity';
import { expandOccurrences } from './event-expansion';
import { WorkplaceRepository } from './workplace.repository';
import { feeds, WORKPLACE_SOURCES } from './workplace-sources';
import { asOfInstant, parseSeverities, parseStates, parseTimeframe, splitList, utilisation } from './workplace-rules';

export interface SummaryQuery {
  departments?: string;
  date?: string;
}

export interface PeopleQuery {
  team?: string;
  department?: string;
  includeSentiment: boolean;
}

export interface EventsQuery {
  timeframe?: string;
  location?: string;
  from?: string;
}

export interface IncidentsQuery {
  state?: string;
  severity?: string;
  department?: string;
  kind?: IncidentKind;
}

const UPTIME_METRIC = 'uptime_percentage';
/** Scorecard figures without history: the HR system reports today's staffing only. */
const STAFFING_FIGURES = ['headcount', 'openRoles', 'utilisation'] as const;
const SENTIMENT_READ = 'people.sentiment_read';

/** Rules of the workplace answers: scorecards, staffing, the event calendar and the ticket queue. */
@Injectable()
export class WorkplaceService {
  constructor(
    private readonly repository: WorkplaceRepository,
    private readonly freshness: FreshnessService,
    private readonly box: SecretBox,
    private readonly scopes: DataScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * One scorecard per department. Staffing comes from the HRIS row, ticket counts from the
   * open tickets of that department, uptime is system-wide (metrics carry no department).
   */
  async summary(query: SummaryQuery, principal: Principal | undefined): Promise<Stamped<WorkplaceSummary>> {
    const visible = await this.repository.departments(this.scopes.departments(principal));
    const asked = splitList(query.departments);
    const unknown = asked.filter((id) => !visible.some((d) => d.externalId === id));
    if (unknown.length > 0) {
      throw new ValidationFailedException([
        { field: 'departments', message: `departments has unknown department(s) ${unknown.join(', ')}` },
      ]);
    }
    const chosen = asked.length > 0 ? visible.filter((d) => asked.includes(d.externalId)) : visible;
    const at = asOfInstant(query.date, this.clock.now());
    const [counts, uptime, freshness] = await Promise.all([
      this.repository.openTicketCounts(
        chosen.map((d) => d.externalId),
        query.date ? at : undefined,
      ),
      this.repository.latestPoint(UPTIME_METRIC, at),
      this.summaryFreshness(),
    ]);
    const countOf = (departmentId: string, kind: IncidentKind) =>
      counts.find((c) => c.departmentId === departmentId && c.kind === kind)?.count ?? 0;
    const departments = chosen.map((d): DepartmentScorecard => ({
      id: d.externalId,
      name: d.name,
      metrics: {
        headcount: d.headcount,
        openRoles: d.openRoles,
        openIncidents: countOf(d.externalId, 'incident'),
        openTasks: countOf(d.externalId, 'request'),
        utilisation: utilisation(d.headcount, d.openRoles),
        uptime: uptime?.value ?? null,
      },
      freshness: departmentFreshness(freshness, d.sourceId),
    }));
    // The HR system reports only today's staffing, so with a date these stay current.
    const figuresAsOfNow = query.date ? [...STAFFING_FIGURES] : [];
    return { date: query.date ?? null, figuresAsOfNow, departments, freshness: freshness.all };
  }

  async people(query: PeopleQuery, window: PageWindow, principal: Principal | undefined): Promise<Stamped<PeoplePage>> {
    if (query.includeSentiment && !principal?.permissions.includes('people.sensitive_read')) {
      throw new DomainException('FORBIDDEN', 403, 'include=sentiment needs the people.sensitive_read permission');
    }
    const filters = {
      team: query.team,
      department: query.department,
      teams: this.scopes.teams(principal),
      departments: this.scopes.departments(principal),
    };
    const [[rows, total], freshness] = await Promise.all([
      this.repository.teams(filters, window),
      this.freshness.summarize((s) => feeds(WORKPLACE_SOURCES.people, s)),
    ]);
    const items = rows.map((row) => this.toTeam(row, query.includeSentiment));
    if (query.includeSentiment) await this.recordSentimentRead(principal, items);
    return { ...toPage(window, items, total), freshness };
  }

  async events(query: EventsQuery, window: PageWindow): Promise<Stamped<EventsPage>> {
    const from = query.from ? new Date(query.from) : this.clock.now();
    const to = new Date(from.getTime() + parseTimeframe(query.timeframe ?? EVENT_TIMEFRAME_DEFAULT));
    const [rows, freshness] = await Promise.all([
      this.repository.eventsMaybeIn(from, to, query.location),
      this.freshness.summarize((s) => feeds(WORKPLACE_SOURCES.events, s)),
    ]);
    const occurrences = rows
      .flatMap((row) => toOccurrences(row, from, to))
      .sort((a, b) => a.start.localeCompare(b.start) || a.eventId.localeCompare(b.eventId));
    const items = occurrences.slice(window.offset, window.offset + window.pageSize);
    return {
      ...toPage(window, items, occurrences.length),
      from: from.toISOString(),
      to: to.toISOString(),
      freshness,
    };
  }

  async incidents(
    query: IncidentsQuery,
    window: PageWindow,
    principal: Principal | undefined,
  ): Promise<Stamped<IncidentsPage>> {
    const filters = {
      states: parseStates(query.state),
      severities: parseSeverities(query.severity),
      department: query.department,
      kind: query.kind,
      departments: this.scopes.departments(principal),
    };
    const [[rows, total], freshness] = await Promise.all([
      this.repository.incidents(filters, window),
      this.freshness.summarize((s) => feeds(WORKPLACE_SOURCES.incidents, s)),
    ]);
    return { ...toPage(window, rows.map(toIncident), total), freshness };
  }

  private toTeam(row: TeamEntity, includeSentiment: boolean): TeamStaffing {
    const team: TeamStaffing = {
      id: row.externalId,
      name: row.name,
      departmentId: row.departmentId,
      managerEmail: row.managerEmail,
      headcount: row.headcount,
      openRoles: row.openRoles,
      pipeline: row.pipeline,
    };
    if (!includeSentiment) return team;
    const opened = row.sentimentSealed ? (JSON.parse(this.box.decrypt(row.sentimentSealed)) as unknown) : null;
    return { ...team, sentimentScore: typeof opened === 'number' ? opened : null };
  }

  /** Every sentiment read is audited, including one that matched no team. */
  private async recordSentimentRead(principal: Principal | undefined, teams: TeamStaffing[]): Promise<void> {
    await this.audit.record({
      action: SENTIMENT_READ,
      actor: principal ?? { kind: 'system', id: null },
      outcome: 'success',
      resourceType: 'team',
      resourceId: teams.length === 1 ? teams[0].id : undefined,
      details: { teams: teams.map((t) => t.id) },
    });
  }

  /** The summary's sources, remembering which are HRIS sources so each department can keep only its own. */
  private async summaryFreshness(): Promise<SummaryFreshness> {
    const people = new Set<string>();
    const all = await this.freshness.summarize((source) => {
      if (source.domain === 'people') people.add(source.id);
      return feeds(WORKPLACE_SOURCES.summary, source);
    });
    return { all, people };
  }
}

interface SummaryFreshness {
  all: Freshness;
  /** Ids of the HRIS (people-domain) sources among `all`. */
  people: Set<string>;
}

/** A department's freshness: ticket and metric sources, and only the HRIS source that fed its row. */
function departmentFreshness(freshness: SummaryFreshness, hrisSourceId: string): Freshness {
  const sources = freshness.all.sources.filter((s) => !freshness.people.has(s.id) || s.id === hrisSourceId);
  const clocks = sources.map((s) => s.dataAsOf ?? s.lastSuccessAt).filter((v): v is string => v !== null);
  return {
    state: sources.length === 0 ? 'unavailable' : worstFreshnessState(sources.map((s) => s.state)),
    asOf: clocks.length === 0 ? null : clocks.reduce((oldest, v) => (v < oldest ? v : oldest)),
    servingCached: sources.some((s) => s.servingCached),
    sources,
  };
}

function toOccurrences(row: CalendarEventEntity, from: Date, to: Date): EventOccurrence[] {
  return expandOccurrences(row, from, to).map((o) => {
    const start = o.start.toISOString();
    return {
      id: `${row.externalId}@${start}`,
      eventId: row.externalId,
      title: row.title,
      location: row.location,
      start,
      end: o.end.toISOString(),
      timeZone: row.timeZone,
      localStart: o.localStart,
      recurring: row.rrule !== null,
      organizer: row.organizer,
    };
  });
}

function toIncident(row: IncidentEntity): Incident {
  return {
    id: row.externalId,
    kind: row.kind as IncidentKind,
    title: row.title,
    severity: row.severity as IncidentSeverity,
    state: row.state as IncidentState,
    assignmentGroup: row.assignmentGroup,
    assignee: row.assignee,
    departmentId: row.departmentId,
    location: row.location,
    reportedAt: row.reportedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
