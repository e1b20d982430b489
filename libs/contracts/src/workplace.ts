// Shapes of the workplace API (see backend/src/workplace).
import type { Freshness } from './freshness';
import type { Page } from './pagination';

export const INCIDENT_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export const INCIDENT_STATES = ['new', 'in_progress', 'on_hold', 'resolved', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** Shorthands the `state` filter accepts besides the raw states. */
export const INCIDENT_STATE_GROUPS = {
  open: ['new', 'in_progress', 'on_hold'],
  closed: ['resolved', 'closed'],
} as const satisfies Record<string, readonly IncidentState[]>;
export type IncidentStateGroup = keyof typeof INCIDENT_STATE_GROUPS;

export const INCIDENT_KINDS = ['incident', 'request'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** Event windows the `timeframe` filter accepts: 1d to 90d. */
export const EVENT_TIMEFRAME_MAX_DAYS = 90;
export const EVENT_TIMEFRAME_DEFAULT = '7d';

/** A data answer with the freshness of the sources behind it. */
export interface WithFreshness {
  freshness: Freshness;
}

export interface DepartmentMetrics {
  headcount: number;
  openRoles: number;
  /** Open incidents (kind incident, state new/in_progress/on_hold). */
  openIncidents: number;
  /** Open workplace requests (kind request, state new/in_progress/on_hold). */
  openTasks: number;
  /** Staffing level: headcount / (headcount + openRoles), 0–1; null when both are 0. */
  utilisation: number | null;
  /** Latest uptime_percentage sample at or before the asked date (system-wide); null when none. */
  uptime: number | null;
}

export interface DepartmentScorecard {
  id: string;
  name: string;
  metrics: DepartmentMetrics;
  freshness: Freshness;
}

export interface WorkplaceSummary extends WithFreshness {
  /** The day asked for (YYYY-MM-DD), or null for "now". */
  date: string | null;
  /**
   * With a `date`: the scorecard figures that are still today's because no history is kept
   * (headcount, openRoles, utilisation); openIncidents, openTasks and uptime are as of `date`.
   * Empty without a date.
   */
  figuresAsOfNow: string[];
  departments: DepartmentScorecard[];
  generatedAt: string;
}

export interface HiringPipelineStats {
  applied: number;
  screening: number;
  interviewing: number;
  offer: number;
  hired: number;
}

export interface TeamStaffing {
  id: string;
  name: string;
  departmentId: string;
  managerEmail: string | null;
  headcount: number;
  openRoles: number;
  pipeline: HiringPipelineStats;
  /** Present only with `include=sentiment` (needs people.sensitive_read); 0–1 or null. */
  sentimentScore?: number | null;
}

export type PeoplePage = Page<TeamStaffing> & WithFreshness;

export interface EventOccurrence {
  /** `<eventId>@<start UTC ISO>`: stable per occurrence. */
  id: string;
  eventId: string;
  title: string;
  location: string | null;
  start: string;
  end: string;
  timeZone: string;
  /** Wall-clock start in `timeZone`, `YYYY-MM-DDTHH:mm:ss`. */
  localStart: string;
  recurring: boolean;
  organizer: string | null;
}

export interface EventsPage extends Page<EventOccurrence>, WithFreshness {
  from: string;
  to: string;
}

export interface Incident {
  id: string;
  kind: IncidentKind;
  title: string;
  severity: IncidentSeverity;
  state: IncidentState;
  assignmentGroup: string | null;
  assignee: string | null;
  departmentId: string | null;
  location: string | null;
  reportedAt: string;
  resolvedAt: string | null;
}

export type IncidentsPage = Page<Incident> & WithFreshness;
