import type {
  ConnectorDefinitionInput,
  FieldMapping,
  PaginationDefinition,
  RecordMapping,
  StreamDefinition,
} from '@switchyard/contracts';

/**
 * ClientTether API 2.0 (docs/connectors/clienttether.md): one source per brand, each with a
 * credential holding the enterprise access token (secret) and that brand's web key
 * (`fields.webKey`). Answers are `{ ResultCode, Message, TotalRecord, data }` with string
 * values and "YYYY-MM-DD HH:mm:ss" UTC times.
 *
 * ClientTether documents no "changed since" filter, so every run reads all pages; unchanged
 * rows are recognised by their content and left alone.
 */
type CrmDomain = 'crm-leads' | 'crm-pipeline' | 'crm-hot-list' | 'crm-notes' | 'crm-schedule';

// Page until a page is shorter than the limit (or empty, CT515): `TotalRecord` is left out
// because what a real account counts in it is unclear.
const pages: PaginationDefinition = {
  type: 'offset',
  offsetParam: 'offset',
  limitParam: 'limit',
  pageSize: 100,
  maxPages: 500,
};
const ctTime = (path: string): FieldMapping => ({
  path,
  transforms: [{ type: 'empty-to-null' }, { type: 'date-time', format: 'sql' }],
});
const integer = (path: string): FieldMapping => ({
  path,
  transforms: [{ type: 'empty-to-null' }, { type: 'integer' }],
});

const stream = (
  name: string,
  label: string,
  domain: CrmDomain,
  call: string,
  primaryKey: string,
  fields: RecordMapping['fields'],
): StreamDefinition => ({
  name,
  label,
  domain,
  request: { path: `/${call}` },
  pagination: pages,
  records: [{ target: domain, selector: 'data', primaryKey, updatedAt: ctTime('last_modified_date'), fields }],
});

export const clienttetherConnector: ConnectorDefinitionInput = {
  id: 'clienttether',
  name: 'ClientTether CRM',
  description:
    'Clients, opportunities, hot list, history notes and scheduled events from ClientTether API 2.0, one source per brand (web key).',
  documentationUrl: 'https://support.clienttether.com/api-document/clienttether-api-2-0-doc/',
  baseUrl: '{{config.apiUrl}}',
  config: [
    {
      name: 'apiUrl',
      label: 'API URL',
      default: 'https://api.clienttether.com/v2/api',
      description: 'the demo: <simulator>/clienttether/v2/api',
    },
  ],
  auth: {
    type: 'api-keys',
    keys: [
      { in: 'header', name: 'X-Access-Token', value: '{{credential.secret}}' },
      { in: 'header', name: 'X-Web-Key', value: '{{credential.fields.webKey}}' },
    ],
  },
  streams: [
    stream('leads', 'Clients (leads)', 'crm-leads', 'read_client_list', 'client_id', {
      firstName: 'firstName',
      lastName: 'lastName',
      email: 'email',
      phone: 'phone',
      leadSource: 'clients_lead_source',
      status: 'clients_lead_status',
      owner: 'assigned_user',
      createdAtSource: ctTime('created'),
    }),
    stream('pipeline', 'Opportunities (sales cycle)', 'crm-pipeline', 'read_opportunity_list', 'opportunity_id', {
      leadExternalId: 'client_id',
      name: 'opportunity_name',
      stage: 'contact_sales_cycle',
      value: { path: 'deal_size', transforms: [{ type: 'number' }] },
      probability: integer('probability'),
      expectedClose: { path: 'expected_close_date', transforms: [{ type: 'empty-to-null' }, { type: 'date' }] },
      stageEnteredAt: ctTime('sales_cycle_entered_date'),
    }),
    stream('hot_list', 'Hot list', 'crm-hot-list', 'read_hot_list', 'hot_list_id', {
      leadExternalId: 'client_id',
      name: 'client_name',
      reason: 'reason',
      priority: integer('priority'),
      status: 'status',
      lastActivityAt: ctTime('last_activity_date'),
      addedAt: ctTime('added_date'),
    }),
    stream('notes', 'History notes', 'crm-notes', 'read_history_notes_list', 'note_id', {
      leadExternalId: 'client_id',
      author: 'created_by',
      body: 'note',
      notedAt: ctTime('created'),
    }),
    stream('schedule', 'Scheduled events', 'crm-schedule', 'read_all_events', 'event_id', {
      leadExternalId: 'client_id',
      activityType: {
        path: 'event_type',
        transforms: [
          {
            type: 'enum',
            map: { appt: 'Meeting', call: 'Call', email: 'Email', tour: 'Tour', follow_up: 'Follow-up' },
            default: 'Other',
          },
        ],
      },
      title: 'event_title',
      scheduledFor: ctTime('start_date'),
      durationMinutes: integer('duration'),
      assignedTo: 'assigned_user',
      status: 'event_status',
    }),
  ],
};
