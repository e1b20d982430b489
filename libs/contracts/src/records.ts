import type { SourceDomain } from './sources';

/**
 * The record schemas the normalized tables accept. A connector stream maps each upstream
 * record onto one of these; the console's connector editor lists the same fields.
 */
export const FIELD_TYPES = [
  'string',
  'text',
  'number',
  'integer',
  'boolean',
  'date-time',
  'date',
  'local-date-time',
  'time-zone',
  'json',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface RecordFieldSpec {
  type: FieldType;
  required?: boolean;
  /** Allowed values (strings) for enumerated fields. */
  enum?: readonly string[];
  min?: number;
  max?: number;
  /** Longest string the column keeps. */
  maxLength?: number;
  description?: string;
}

export interface RecordSchema {
  /** The domain (and source domain) whose pages read these records. */
  domain: SourceDomain;
  label: string;
  fields: Record<string, RecordFieldSpec>;
  /** History samples are never tombstoned by a full refresh. */
  appendOnly?: boolean;
}

const str = (maxLength: number, required = false): RecordFieldSpec => ({ type: 'string', maxLength, required });
const req = (spec: RecordFieldSpec): RecordFieldSpec => ({ ...spec, required: true });
const instant: RecordFieldSpec = { type: 'date-time' };
const money: RecordFieldSpec = { type: 'number' };

export const RECORD_SCHEMAS = {
  projects: {
    domain: 'projects',
    label: 'Projects',
    fields: {
      name: str(300, true),
      portfolio: req({ type: 'string', enum: ['Technology', 'Operations', 'Business'] }),
      status: req({ type: 'string', enum: ['On Track', 'At Risk', 'Behind Schedule', 'Critical', 'Completed'] }),
      priority: req({ type: 'string', enum: ['Critical', 'High', 'Medium', 'Low'] }),
      ownerName: str(200),
      ownerEmail: str(320),
      team: str(64),
      budget: req({ type: 'number', min: 0 }),
      actualCost: req({ type: 'number', min: 0 }),
      percentComplete: req({ type: 'number', min: 0, max: 100 }),
      plannedProgress: req({ type: 'number', min: 0, max: 100 }),
      startDate: { type: 'date' },
      endDate: { type: 'date' },
      strategicGoal: str(300),
      milestones: { type: 'json', description: 'list of { id, name, dueDate, completed, completedAt }' },
    },
  },
  risks: {
    domain: 'risks',
    label: 'Project risks',
    fields: {
      projectExternalId: str(128, true),
      title: str(300, true),
      category: str(64),
      probability: req({ type: 'integer', min: 1, max: 5 }),
      impact: req({ type: 'integer', min: 1, max: 5 }),
      score: req({ type: 'integer', min: 1, max: 25 }),
      status: req({ type: 'string', enum: ['Open', 'Mitigating', 'Closed'] }),
      owner: str(200),
      mitigation: { type: 'text' },
      identifiedAt: req(instant),
      closedAt: instant,
    },
  },
  financials: {
    domain: 'financials',
    label: 'Financial entries',
    fields: {
      projectExternalId: str(128, true),
      month: req({ type: 'date', description: 'first day of the month' }),
      budget: req(money),
      actual: req(money),
      forecast: money,
      benefit: money,
      roi: money,
      cashFlow: money,
      discountRate: money,
    },
  },
  departments: {
    domain: 'people',
    label: 'Departments',
    fields: {
      name: str(200, true),
      headcount: req({ type: 'integer', min: 0 }),
      openRoles: req({ type: 'integer', min: 0 }),
    },
  },
  teams: {
    domain: 'people',
    label: 'Teams',
    fields: {
      departmentId: str(64, true),
      name: str(200, true),
      managerEmail: str(320),
      headcount: req({ type: 'integer', min: 0 }),
      openRoles: req({ type: 'integer', min: 0 }),
      pipeline: { type: 'json', description: '{ applied, screening, interviewing, offer, hired }' },
      sentimentSealed: { type: 'number', min: 0, max: 1, description: 'sentiment score, sealed at rest' },
    },
  },
  events: {
    domain: 'events',
    label: 'Calendar events',
    fields: {
      title: str(300, true),
      location: str(100),
      timeZone: req({ type: 'time-zone' }),
      localStart: req({ type: 'local-date-time', description: 'wall-clock start in timeZone' }),
      localEnd: req({ type: 'local-date-time', description: 'wall-clock end in timeZone' }),
      rrule: str(500),
      organizer: str(200),
      cancelled: { type: 'boolean' },
    },
  },
  incidents: {
    domain: 'incidents',
    label: 'Incidents and requests',
    fields: {
      kind: req({ type: 'string', enum: ['incident', 'request'] }),
      title: str(500, true),
      severity: req({ type: 'string', enum: ['critical', 'high', 'medium', 'low'] }),
      state: req({ type: 'string', enum: ['new', 'in_progress', 'on_hold', 'resolved', 'closed'] }),
      assignmentGroup: str(200),
      assignee: str(200),
      departmentId: str(64),
      location: str(100),
      reportedAt: req(instant),
      resolvedAt: instant,
    },
  },
  'crm-leads': {
    domain: 'crm-leads',
    label: 'CRM leads',
    fields: {
      firstName: str(100),
      lastName: str(100),
      email: str(320),
      phone: str(50),
      leadSource: str(64, true),
      status: str(32, true),
      owner: str(200),
      createdAtSource: req(instant),
    },
  },
  'crm-pipeline': {
    domain: 'crm-pipeline',
    label: 'CRM pipeline (deals)',
    fields: {
      leadExternalId: str(128),
      name: str(300, true),
      stage: str(32, true),
      value: req(money),
      probability: { type: 'integer', min: 0, max: 100 },
      expectedClose: { type: 'date' },
      stageEnteredAt: instant,
    },
  },
  'crm-hot-list': {
    domain: 'crm-hot-list',
    label: 'CRM hot list',
    fields: {
      leadExternalId: str(128),
      name: str(200, true),
      reason: str(500),
      priority: req({ type: 'integer', min: 1, max: 5 }),
      status: str(32, true),
      lastActivityAt: instant,
      addedAt: instant,
    },
  },
  'crm-notes': {
    domain: 'crm-notes',
    label: 'CRM notes',
    fields: { leadExternalId: str(128), author: str(200), body: req({ type: 'text' }), notedAt: req(instant) },
  },
  'crm-schedule': {
    domain: 'crm-schedule',
    label: 'CRM scheduled activities',
    fields: {
      leadExternalId: str(128),
      activityType: str(32, true),
      title: str(300, true),
      scheduledFor: req(instant),
      durationMinutes: { type: 'integer', min: 0 },
      assignedTo: str(200),
      status: str(32, true),
    },
  },
  metrics: {
    domain: 'metrics',
    label: 'Metric points',
    appendOnly: true,
    fields: {
      metric: req({ type: 'string', maxLength: 64, description: 'lower_snake_case metric name' }),
      category: str(32, true),
      value: req({ type: 'number' }),
      unit: str(16),
      recordedAt: req(instant),
    },
  },
} as const satisfies Record<string, RecordSchema>;

export type RecordType = keyof typeof RECORD_SCHEMAS;
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];
