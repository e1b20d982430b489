import type { ConnectorDefinitionInput } from '@switchyard/contracts';

/**
 * BambooHR REST API v1 (docs/connectors/bamboohr.md). The employee directory is grouped into
 * Switchyard departments (BambooHR `division`, the larger unit) and teams (BambooHR
 * `department`), each counted for its headcount. Open roles live in applicant tracking, a
 * second endpoint whose counts cannot be merged into these rows: they stay 0 here.
 */
export const bamboohr: ConnectorDefinitionInput = {
  id: 'bamboohr',
  name: 'BambooHR',
  description:
    'Departments (divisions) and teams (departments) with their headcount, from the BambooHR employee directory.',
  documentationUrl: 'https://documentation.bamboohr.com/reference/get-employees-directory-1',
  baseUrl: '{{config.baseUrl}}/api/gateway.php/{{config.companyDomain|urlencode}}/v1',
  config: [
    {
      name: 'companyDomain',
      label: 'Company domain',
      required: true,
      description: 'the <company> of https://<company>.bamboohr.com; the simulator: switchyard',
    },
    {
      name: 'baseUrl',
      label: 'API base URL',
      required: true,
      default: 'https://api.bamboohr.com',
      description: 'https://api.bamboohr.com; the simulator: <simulator>/bamboohr',
    },
  ],
  // The API key is the user name; the password is ignored ("x" by convention).
  auth: { type: 'basic', username: '{{credential.secret}}', password: 'x' },
  // Without it BambooHR answers XML.
  headers: { Accept: 'application/json' },
  // BambooHR throttles with 503 and Retry-After rather than 429.
  rateLimit: { retryAfter: 'Retry-After', statuses: [503] },
  streams: [
    {
      name: 'directory',
      label: 'Employee directory (departments and teams)',
      domain: 'people',
      request: { path: '/employees/directory' },
      records: [
        {
          target: 'departments',
          selector: 'employees',
          groupBy: 'division',
          primaryKey: 'division',
          fields: {
            name: 'division',
            headcount: { aggregate: 'count' },
            openRoles: { const: 0 },
          },
        },
        {
          target: 'teams',
          selector: 'employees',
          groupBy: 'department',
          primaryKey: 'department',
          fields: {
            departmentId: { aggregate: 'first', path: 'division' },
            name: 'department',
            // Convention: the team member without a supervisor is its manager.
            managerEmail: { aggregate: 'first', path: 'workEmail', filter: { path: 'supervisor', equals: '' } },
            headcount: { aggregate: 'count' },
            openRoles: { const: 0 },
          },
        },
      ],
    },
  ],
};
