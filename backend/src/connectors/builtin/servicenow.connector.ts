import type { ConnectorDefinitionInput, FieldMapping } from '@switchyard/contracts';

/**
 * ServiceNow Table API, incident table (docs/connectors/servicenow.md). Reads with
 * `sysparm_display_value=all`, so every field is `{ value, display_value }`: codes and UTC
 * times come from `value`, names of referenced groups, users and locations from `display_value`.
 *
 * The primary key is `number` (INC0010001), not `sys_id`: it is unique on the table, it is
 * what people quote and search for, and it is the id the ticketing feed already stores, so
 * links and history keep working when a deployment moves to this connector.
 */
const SQL_TIME = 'yyyy-MM-dd HH:mm:ss';
const FIELDS = [
  'sys_id',
  'number',
  'short_description',
  'state',
  'priority',
  'assignment_group',
  'assigned_to',
  'location',
  'u_department',
  'opened_at',
  'resolved_at',
  'sys_updated_on',
];
const utc = (field: string): FieldMapping => ({
  path: `${field}.value`,
  transforms: [{ type: 'empty-to-null' }, { type: 'date-time', format: 'sql' }],
});

export const servicenowConnector: ConnectorDefinitionInput = {
  id: 'servicenow',
  name: 'ServiceNow incidents',
  description:
    'Incidents from the ServiceNow Table API (/api/now/table/incident) with HTTP Basic auth; ' +
    'incremental on sys_updated_on. For OAuth, copy it and use oauth2-client-credentials.',
  documentationUrl:
    'https://www.servicenow.com/docs/bundle/latest-api-reference/page/integrate/inbound-rest/concept/c_TableAPI.html',
  baseUrl: '{{config.instanceUrl}}',
  config: [
    {
      name: 'instanceUrl',
      label: 'Instance URL',
      required: true,
      description: 'https://<instance>.service-now.com (the demo: <simulator>/servicenow)',
    },
  ],
  auth: { type: 'basic' },
  headers: { Accept: 'application/json' },
  streams: [
    {
      name: 'incidents',
      label: 'Incidents',
      description: 'The incident table, ordered by sys_updated_on; Link-header paging.',
      domain: 'incidents',
      request: {
        path: '/api/now/table/incident',
        query: {
          sysparm_query: 'ORDERBYsys_updated_on',
          sysparm_fields: FIELDS.join(','),
          sysparm_display_value: 'all',
          sysparm_exclude_reference_link: 'true',
        },
      },
      pagination: { type: 'link-header', sizeParam: 'sysparm_limit', pageSize: 500, maxPages: 200 },
      incremental: {
        type: 'cursor',
        // `>=`: several rows can share one second; the upsert makes the overlap harmless.
        query: { sysparm_query: `sys_updated_on>={{cursor|format:${SQL_TIME}}}^ORDERBYsys_updated_on` },
      },
      records: [
        {
          target: 'incidents',
          selector: 'result',
          primaryKey: 'number.value',
          updatedAt: utc('sys_updated_on'),
          fields: {
            kind: { const: 'incident' },
            title: 'short_description.value',
            severity: {
              path: 'priority.value',
              transforms: [
                { type: 'enum', map: { '1': 'critical', '2': 'high', '3': 'medium', '4': 'low', '5': 'low' } },
              ],
            },
            state: {
              path: 'state.value',
              transforms: [
                {
                  type: 'enum',
                  // 8 is Canceled: Switchyard has no cancelled state, and a cancelled incident is over.
                  map: {
                    '1': 'new',
                    '2': 'in_progress',
                    '3': 'on_hold',
                    '6': 'resolved',
                    '7': 'closed',
                    '8': 'closed',
                  },
                },
              ],
            },
            assignmentGroup: 'assignment_group.display_value',
            assignee: 'assigned_to.display_value',
            // The department's name, as BambooHR's division names it (docs/connectors/servicenow.md).
            departmentId: 'u_department.display_value',
            location: 'location.display_value',
            reportedAt: utc('opened_at'),
            resolvedAt: utc('resolved_at'),
          },
        },
      ],
    },
  ],
};
