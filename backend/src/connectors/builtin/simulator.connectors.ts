import type { ConnectorDefinitionInput, PaginationDefinition } from '@switchyard/contracts';

/**
 * The bundled simulator's demo vendors (their dialects are the simulator's own, documented
 * in simulator/README.md). They stay for the demo pages no real vendor feeds yet.
 */
const baseUrlConfig = [
  { name: 'baseUrl', label: 'Simulator URL', required: true, description: 'e.g. http://127.0.0.1:4319' },
];
const pages = (pageSize: number): PaginationDefinition => ({
  type: 'page',
  pageParam: 'page',
  sizeParam: 'per_page',
  pageSize,
  maxPages: 200,
});
const since = (param: string, cursorField?: string) => ({
  type: 'cursor' as const,
  query: { [param]: '{{cursor}}' },
  ...(cursorField ? { cursorField } : {}),
});
const apiKeyHeader = {
  type: 'api-keys' as const,
  keys: [{ in: 'header' as const, name: 'X-Api-Key', value: '{{credential.secret}}' }],
};

export const simulatorPm: ConnectorDefinitionInput = {
  id: 'simulator-pm',
  name: 'Simulator: project management (demo)',
  description: 'The bundled simulator’s project-management vendor: projects, risks and monthly financials.',
  baseUrl: '{{config.baseUrl}}/pm/v2',
  config: baseUrlConfig,
  auth: { type: 'oauth2-client-credentials', tokenUrl: '{{config.baseUrl}}/pm/oauth/token' },
  streams: [
    {
      name: 'projects',
      label: 'Projects',
      domain: 'projects',
      request: { path: '/projects' },
      pagination: pages(100),
      incremental: since('updated_since'),
      records: [
        {
          target: 'projects',
          selector: 'data',
          primaryKey: 'id',
          updatedAt: 'updatedAt',
          fields: {
            name: 'name',
            portfolio: 'portfolio',
            status: 'status',
            priority: 'priority',
            ownerName: 'owner.name',
            ownerEmail: 'owner.email',
            team: 'team',
            budget: 'budget',
            actualCost: 'actualCost',
            percentComplete: 'percentComplete',
            plannedProgress: 'plannedProgress',
            startDate: 'startDate',
            endDate: 'endDate',
            strategicGoal: 'strategicGoal',
            milestones: 'milestones',
          },
        },
      ],
    },
    {
      name: 'risks',
      label: 'Risks',
      domain: 'risks',
      request: { path: '/risks' },
      pagination: pages(100),
      incremental: since('updated_since'),
      records: [
        {
          target: 'risks',
          selector: 'data',
          primaryKey: 'id',
          updatedAt: 'updatedAt',
          fields: {
            projectExternalId: 'projectId',
            title: 'title',
            category: 'category',
            probability: 'probability',
            impact: 'impact',
            score: 'score',
            status: 'status',
            owner: 'owner',
            mitigation: 'mitigation',
            identifiedAt: 'identifiedAt',
            closedAt: 'closedAt',
          },
        },
      ],
    },
    {
      name: 'financials',
      label: 'Monthly financials',
      domain: 'financials',
      request: { path: '/financials' },
      pagination: pages(100),
      incremental: since('updated_since'),
      records: [
        {
          target: 'financials',
          selector: 'data',
          primaryKey: 'id',
          updatedAt: 'updatedAt',
          fields: {
            projectExternalId: 'projectId',
            month: { path: 'month', transforms: [{ type: 'template', template: '{{value}}-01' }] },
            budget: 'budget',
            actual: 'actual',
            forecast: 'forecast',
            benefit: 'benefit',
            roi: 'roi',
            cashFlow: 'cashFlow',
            discountRate: 'discountRate',
          },
        },
      ],
    },
  ],
};

export const simulatorHris: ConnectorDefinitionInput = {
  id: 'simulator-hris',
  name: 'Simulator: HRIS (demo)',
  description: 'The bundled simulator’s HR system: departments with their teams, headcount and hiring pipeline.',
  baseUrl: '{{config.baseUrl}}/hris/api',
  config: baseUrlConfig,
  auth: { type: 'bearer' },
  streams: [
    {
      name: 'departments',
      label: 'Departments and teams',
      domain: 'people',
      request: { path: '/departments' },
      volatileFields: ['generatedAt'],
      records: [
        {
          target: 'departments',
          selector: 'departments',
          primaryKey: 'id',
          updatedAt: 'updatedAt',
          fields: { name: 'name', headcount: 'headcount', openRoles: 'openRoles' },
        },
        {
          target: 'teams',
          selector: 'departments[*].teams[*]',
          primaryKey: 'id',
          updatedAt: 'updatedAt',
          fields: {
            departmentId: '$parent.id',
            name: 'name',
            managerEmail: 'managerEmail',
            headcount: 'headcount',
            openRoles: 'openRoles',
            pipeline: 'pipeline',
            sentimentSealed: 'sentimentScore',
          },
        },
      ],
    },
  ],
};

export const simulatorCalendar: ConnectorDefinitionInput = {
  id: 'simulator-calendar',
  name: 'Simulator: calendar (demo)',
  description: 'The bundled simulator’s calendar: events as local wall times with an IANA time zone and RRULE.',
  baseUrl: '{{config.baseUrl}}/calendar/v1',
  config: baseUrlConfig,
  auth: apiKeyHeader,
  streams: [
    {
      name: 'events',
      label: 'Events',
      domain: 'events',
      request: { path: '/events' },
      pagination: {
        type: 'cursor',
        cursorParam: 'cursor',
        cursorPath: 'nextCursor',
        sizeParam: 'limit',
        pageSize: 25,
        maxPages: 100,
      },
      records: [
        {
          target: 'events',
          selector: 'items',
          primaryKey: 'id',
          updatedAt: 'updated',
          fields: {
            title: 'title',
            location: 'location',
            timeZone: 'timeZone',
            localStart: 'start',
            localEnd: 'end',
            rrule: 'rrule',
            organizer: 'organizer',
            cancelled: { path: 'cancelled', default: false },
          },
        },
      ],
    },
  ],
};

export const simulatorTicketing: ConnectorDefinitionInput = {
  id: 'simulator-ticketing',
  name: 'Simulator: ticketing (demo)',
  description: 'The bundled simulator’s ticketing system: incidents and service requests.',
  baseUrl: '{{config.baseUrl}}/ticketing/api/v3',
  config: baseUrlConfig,
  auth: { type: 'bearer' },
  streams: [
    {
      name: 'tickets',
      label: 'Incidents and requests',
      domain: 'incidents',
      request: { path: '/tickets' },
      pagination: { type: 'offset', offsetParam: 'offset', limitParam: 'limit', pageSize: 100, maxPages: 100 },
      incremental: since('updated_after'),
      records: [
        {
          target: 'incidents',
          selector: 'tickets',
          primaryKey: 'number',
          updatedAt: 'updatedAt',
          fields: {
            kind: 'kind',
            title: 'shortDescription',
            severity: {
              path: 'severity',
              transforms: [{ type: 'enum', map: { '1': 'critical', '2': 'high', '3': 'medium', '4': 'low' } }],
            },
            state: 'state',
            assignmentGroup: 'assignmentGroup',
            assignee: 'assignee',
            departmentId: 'department',
            location: 'location',
            reportedAt: 'openedAt',
            resolvedAt: 'resolvedAt',
          },
        },
      ],
    },
  ],
};

const crmStream = (
  name: string,
  label: string,
  domain: 'crm-leads' | 'crm-pipeline' | 'crm-hot-list' | 'crm-notes' | 'crm-schedule',
  path: string,
  primaryKey: string,
  fields: Record<string, string>,
) => ({
  name,
  label,
  domain,
  request: { path },
  pagination: pages(100),
  records: [{ target: domain, selector: 'data', primaryKey, updatedAt: 'updated_at', fields }],
});

export const simulatorCrm: ConnectorDefinitionInput = {
  id: 'simulator-crm',
  name: 'Simulator: CRM (demo)',
  description: 'The bundled simulator’s CRM: one API key per brand selects that brand’s records.',
  baseUrl: '{{config.baseUrl}}/crm/api',
  config: baseUrlConfig,
  auth: apiKeyHeader,
  streams: [
    crmStream('leads', 'Leads', 'crm-leads', '/leads', 'lead_id', {
      firstName: 'first_name',
      lastName: 'last_name',
      email: 'email',
      phone: 'phone',
      leadSource: 'lead_source',
      status: 'lead_status',
      owner: 'owner',
      createdAtSource: 'created_at',
    }),
    crmStream('pipeline', 'Pipeline', 'crm-pipeline', '/pipeline', 'deal_id', {
      leadExternalId: 'lead_id',
      name: 'deal_name',
      stage: 'stage',
      value: 'value',
      probability: 'probability',
      expectedClose: 'expected_close',
      stageEnteredAt: 'stage_entered_at',
    }),
    crmStream('hot_list', 'Hot list', 'crm-hot-list', '/hot-list', 'hot_id', {
      leadExternalId: 'lead_id',
      name: 'name',
      reason: 'reason',
      priority: 'priority',
      status: 'status',
      lastActivityAt: 'last_activity_at',
      addedAt: 'added_at',
    }),
    crmStream('notes', 'Notes', 'crm-notes', '/notes', 'note_id', {
      leadExternalId: 'lead_id',
      author: 'author',
      body: 'body',
      notedAt: 'created_at',
    }),
    crmStream('schedule', 'Scheduled activities', 'crm-schedule', '/schedule', 'activity_id', {
      leadExternalId: 'lead_id',
      activityType: 'type',
      title: 'title',
      scheduledFor: 'scheduled_for',
      durationMinutes: 'duration_minutes',
      assignedTo: 'assigned_to',
      status: 'status',
    }),
  ],
};

export const simulatorMetrics: ConnectorDefinitionInput = {
  id: 'simulator-metrics',
  name: 'Simulator: metrics (demo)',
  description: 'The bundled simulator’s metrics API: series of [time, value] points.',
  baseUrl: '{{config.baseUrl}}/metrics/api/v1',
  config: baseUrlConfig,
  auth: apiKeyHeader,
  streams: [
    {
      name: 'series',
      label: 'Metric series',
      domain: 'metrics',
      request: { path: '/series' },
      incremental: since('since', 'recordedAt'),
      volatileFields: ['asOf'],
      records: [
        {
          target: 'metrics',
          selector: 'series[*].points[*]',
          primaryKey: { template: '{{parent.metric}}@{{record.0|iso}}' },
          updatedAt: '0',
          fields: {
            metric: '$parent.metric',
            category: '$parent.category',
            value: '1',
            unit: '$parent.unit',
            recordedAt: '0',
          },
        },
      ],
    },
  ],
};

export const SIMULATOR_CONNECTORS = [
  simulatorPm,
  simulatorHris,
  simulatorCalendar,
  simulatorTicketing,
  simulatorCrm,
  simulatorMetrics,
];
