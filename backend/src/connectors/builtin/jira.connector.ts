import type { ConnectorDefinitionInput } from '@switchyard/contracts';

/**
 * Jira Cloud REST API v3 (docs/connectors/jira.md). One project = one `projects` row, read
 * from the project's **Epic** (the project tracker: start, due date, budget, cost); the
 * other issues of the search are left out by the record filter. Budget and actual cost are
 * number custom fields on the Epic (`customfield_10050`, `customfield_10051`; Start date is
 * `customfield_10015`): a site whose ids differ copies this connector and changes them.
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
  'customfield_10015',
  'customfield_10050',
  'customfield_10051',
].join(',');

/** Jira's status category of the Epic: `new`, `indeterminate` or `done`. */
const CATEGORY = 'fields.status.statusCategory.key';

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
          primaryKey: 'fields.project.key',
          updatedAt: 'fields.updated',
          fields: {
            name: 'fields.project.name',
            portfolio: 'fields.project.projectCategory.name',
            status: {
              path: CATEGORY,
              transforms: [{ type: 'enum', map: { done: 'Completed' }, default: 'On Track' }],
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
            budget: 'fields.customfield_10050',
            actualCost: 'fields.customfield_10051',
            // Jira keeps no progress figure on an Epic: its status category gives 0 / 50 / 100.
            percentComplete: {
              path: CATEGORY,
              transforms: [{ type: 'enum', map: { new: 0, indeterminate: 50, done: 100 }, default: 0 }],
            },
            // No baseline in Jira either: planned = done, so no schedule variance is claimed.
            plannedProgress: {
              path: CATEGORY,
              transforms: [{ type: 'enum', map: { new: 0, indeterminate: 50, done: 100 }, default: 0 }],
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
