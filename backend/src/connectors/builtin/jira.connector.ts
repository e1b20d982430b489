import type { ConnectorDefinitionInput } from '@switchyard/contracts';

/**
 * Jira Cloud REST API v3 (docs/connectors/jira.md). One project = one `projects` row, read
 * from the project's **Epic** (the project tracker: start, due date, budget, cost); the
 * other issues of the search are left out by the record filter. The PMO's figures are
 * custom fields on the Epic — Team `customfield_10001`, Start date `customfield_10015`, Budget `10050`, Actual cost
 * `10051`, Progress (%) `10052`, Planned (%) `10053`, Health (select) `10054`, PPM project
 * id `10055` — a site whose ids differ copies this connector and changes them. Without
 * Health and Progress the Epic's status category stands in (0 / 50 / 100 %, on track or
 * completed); without a PPM id the row's id is the project key.
 */
const FIELDS = [
  'summary',
  'status',
  'priority',
  'assignee',
  'duedate',
  'updated',
  'project',
  'labels',
  'issuetype',
  'customfield_10001',
  'customfield_10015',
  'customfield_10050',
  'customfield_10051',
  'customfield_10052',
  'customfield_10053',
  'customfield_10054',
  'customfield_10055',
].join(',');

/** Jira's status category of the Epic: `new`, `indeterminate` or `done`. */
const CATEGORY = 'fields.status.statusCategory.key';
/** Share of work done by status category, where no Progress (%) field is kept. */
const BY_CATEGORY = { new: 0, indeterminate: 50, done: 100 };
const HEALTH = ['On Track', 'At Risk', 'Behind Schedule', 'Critical', 'Completed'];

export const jira: ConnectorDefinitionInput = {
  id: 'jira',
  name: 'Jira Cloud',
  description:
    'Projects from Jira Cloud (REST API v3): one Epic per project carries its dates, priority, budget and cost.',
  documentationUrl:
    'https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get',
  baseUrl: '{{config.siteUrl}}/rest/api/3',
  config: [
    {
      name: 'siteUrl',
      label: 'Site URL',
      required: true,
      description: 'https://<site>.atlassian.net; the simulator: <simulator>/jira',
    },
    {
      name: 'projectKeys',
      label: 'Project keys',
      required: true,
      description: 'comma-separated keys (or ids) of the projects to sync, e.g. ERP, WA',
    },
  ],
  // Email as user name (the credential's clientId), API token as password (its secret).
  auth: { type: 'basic' },
  rateLimit: { retryAfter: 'Retry-After' },
  streams: [
    {
      name: 'projects',
      label: 'Projects (one Epic per project)',
      domain: 'projects',
      request: {
        path: '/search/jql',
        query: { jql: 'project in ({{config.projectKeys}}) ORDER BY updated ASC', fields: FIELDS, maxResults: '100' },
      },
      pagination: { type: 'cursor', cursorParam: 'nextPageToken', cursorPath: 'nextPageToken', maxPages: 500 },
      incremental: {
        type: 'cursor',
        // Minute precision in the API user's zone (set it to UTC); the boundary minute is read again.
        query: {
          jql: 'project in ({{config.projectKeys}}) AND updated >= "{{cursor|format:yyyy/MM/dd HH:mm}}" ORDER BY updated ASC',
        },
      },
      records: [
        {
          target: 'projects',
          selector: 'issues',
          filter: { path: 'fields.issuetype.name', equals: 'Epic' },
          primaryKey: { coalesce: ['fields.customfield_10055', 'fields.project.key'] },
          updatedAt: 'fields.updated',
          fields: {
            name: 'fields.project.name',
            portfolio: 'fields.project.projectCategory.name',
            status: {
              coalesce: ['fields.customfield_10054.value', CATEGORY],
              transforms: [
                {
                  type: 'enum',
                  map: {
                    ...Object.fromEntries(HEALTH.map((h) => [h, h])),
                    done: 'Completed',
                    new: 'On Track',
                    indeterminate: 'On Track',
                  },
                },
              ],
            },
            priority: {
              path: 'fields.priority.name',
              transforms: [
                {
                  type: 'enum',
                  map: { Highest: 'Critical', High: 'High', Medium: 'Medium', Low: 'Low', Lowest: 'Low' },
                  default: 'Medium',
                },
              ],
            },
            ownerName: 'fields.assignee.displayName',
            ownerEmail: 'fields.assignee.emailAddress',
            // Jira's Team field (Atlassian teams), by name: the team names BambooHR gives.
            team: 'fields.customfield_10001.name',
            budget: 'fields.customfield_10050',
            actualCost: 'fields.customfield_10051',
            percentComplete: {
              coalesce: ['fields.customfield_10052', CATEGORY],
              transforms: [{ type: 'enum', map: BY_CATEGORY, keepUnmapped: true }, { type: 'number' }],
            },
            // Without a baseline, planned = done: no schedule variance is claimed.
            plannedProgress: {
              coalesce: ['fields.customfield_10053', 'fields.customfield_10052', CATEGORY],
              transforms: [{ type: 'enum', map: BY_CATEGORY, keepUnmapped: true }, { type: 'number' }],
            },
            startDate: 'fields.customfield_10015',
            endDate: 'fields.duedate',
            strategicGoal: 'fields.labels[0]',
          },
        },
      ],
    },
  ],
};
