import type { APIRequestContext } from '@playwright/test';
import type {
  CrmActivityPage,
  CrmHotListPage,
  CrmLeadPage,
  CrmNotePage,
  CrmSyncStatus,
  EventsPage,
  FinancialMetrics,
  IncidentsPage,
  IntegrationList,
  OpsSnapshot,
  AlertRule,
  ContactPoint,
  ConnectorSummary,
  Credential,
  Page,
  PeoplePage,
  Permission,
  ProjectView,
  RiskView,
  Role,
  Source,
  WorkplaceSummary,
} from '@switchyard/contracts';
import { apiAs } from './console';

export interface ApiReader {
  get<T>(path: string): Promise<T>;
}

export function apiReader(request: APIRequestContext, baseURL: string, role: Role): ApiReader {
  return { get: <T>(path: string) => apiAs<T>(request, baseURL, role, path) };
}

/**
 * Each page the console has: where it is, what it needs, and a value from the API (as the
 * signed-in user sees it) that must appear on it. `path` may depend on the data (detail pages).
 */
export interface ConsolePage {
  name: string;
  /** Undefined when the page needs an item and the user can see none (a detail page). */
  path: (api: ApiReader) => Promise<string | undefined>;
  permission: Permission;
  heading: string | RegExp;
  /** A value the page must show, read from the API; undefined when the list is empty. */
  expected: (api: ApiReader) => Promise<string | undefined>;
}

const fixed = (path: string) => () => Promise.resolve(path);
const firstProject = async (api: ApiReader) =>
  (await api.get<Page<ProjectView>>('/api/v1/projects?pageSize=1')).items[0];
const firstSource = async (api: ApiReader) => (await api.get<Page<Source>>('/api/v1/sources?pageSize=1')).items[0];
const OPS_MODULE_HEADINGS: Record<string, string> = {
  system: 'System health',
  business: 'Business',
  workflow: 'Workflow',
  customer: 'Customer',
  security: 'Security and compliance',
  executive: 'Executive summary',
};
const firstIntegration = async (api: ApiReader) => (await api.get<IntegrationList>('/api/v1/integrations')).items[0];
const tenantOf = async (api: ApiReader) =>
  (await api.get<CrmSyncStatus>('/api/v1/crm/sync-status')).tenants[0]?.tenant ?? 'none';

export const CONSOLE_PAGES: ConsolePage[] = [
  {
    name: 'overview',
    path: fixed('/overview'),
    permission: 'dashboard.read',
    heading: 'Overview',
    expected: async (api) => (await api.get<WorkplaceSummary>('/api/v1/summary')).departments[0]?.name,
  },
  {
    name: 'projects',
    path: fixed('/portfolio/projects'),
    permission: 'projects.read',
    heading: 'Projects',
    expected: async (api) => (await firstProject(api))?.name,
  },
  {
    name: 'project-detail',
    path: async (api) => {
      const project = await firstProject(api);
      return project && `/portfolio/projects/${project.id}`;
    },
    permission: 'projects.read',
    heading: /.+/,
    expected: async (api) => (await firstProject(api))?.name,
  },
  {
    name: 'financials',
    path: fixed('/portfolio/financials'),
    permission: 'financials.read',
    heading: 'Financials',
    expected: async (api) =>
      (await api.get<FinancialMetrics>('/api/v1/financial-metrics?dateRange=6M')).earnedValue[0]?.projectName,
  },
  {
    name: 'risks',
    path: fixed('/portfolio/risks'),
    permission: 'risks.read',
    heading: 'Risks',
    expected: async (api) => (await api.get<Page<RiskView>>('/api/v1/risks?pageSize=1')).items[0]?.title,
  },
  {
    name: 'people',
    path: fixed('/workplace/people'),
    permission: 'people.read',
    heading: 'People',
    expected: async (api) => (await api.get<PeoplePage>('/api/v1/people?pageSize=1')).items[0]?.name,
  },
  {
    name: 'events',
    path: fixed('/workplace/events'),
    permission: 'events.read',
    heading: 'Events',
    expected: async (api) => (await api.get<EventsPage>('/api/v1/events?timeframe=7d&pageSize=1')).items[0]?.title,
  },
  {
    name: 'incidents',
    path: fixed('/workplace/incidents'),
    permission: 'incidents.read',
    heading: 'Incidents',
    expected: async (api) => (await api.get<IncidentsPage>('/api/v1/incidents?state=open&pageSize=1')).items[0]?.title,
  },
  {
    name: 'crm-leads',
    path: fixed('/crm/leads'),
    permission: 'crm.read',
    heading: 'Leads',
    expected: async (api) =>
      (await api.get<CrmLeadPage>(`/api/v1/crm/leads?tenant=${await tenantOf(api)}&pageSize=1`)).items[0]?.email ??
      undefined,
  },
  {
    name: 'crm-pipeline',
    path: fixed('/crm/pipeline'),
    permission: 'crm.read',
    heading: 'Pipeline',
    expected: () => Promise.resolve('Negotiation'),
  },
  {
    name: 'crm-hot-list',
    path: fixed('/crm/hot-list'),
    permission: 'crm.read',
    heading: 'Hot list',
    expected: async (api) =>
      (await api.get<CrmHotListPage>(`/api/v1/crm/hot-list?tenant=${await tenantOf(api)}&pageSize=1`)).items[0]?.name,
  },
  {
    name: 'crm-notes',
    path: fixed('/crm/notes'),
    permission: 'crm.read',
    heading: 'Notes',
    expected: async (api) =>
      (await api.get<CrmNotePage>(`/api/v1/crm/notes?tenant=${await tenantOf(api)}&pageSize=1`)).items[0]?.author ??
      undefined,
  },
  {
    name: 'crm-schedule',
    path: fixed('/crm/schedule'),
    permission: 'crm.read',
    heading: 'Schedule',
    expected: async (api) => {
      const first = (
        await api.get<CrmActivityPage>(`/api/v1/crm/schedule?tenant=${await tenantOf(api)}&status=Scheduled&pageSize=1`)
      ).items[0];
      // The page names the lead instead of the vendor's "lead 10247".
      return first && (first.leadName ?? first.title);
    },
  },
  {
    name: 'sources',
    path: fixed('/sources'),
    permission: 'sources.read',
    heading: 'Sources',
    expected: async (api) => (await firstSource(api))?.name,
  },
  {
    name: 'source-detail',
    path: async (api) => {
      const source = await firstSource(api);
      return source && `/sources/${source.id}`;
    },
    permission: 'sources.read',
    heading: /.+/,
    expected: async (api) => (await firstSource(api))?.name,
  },
  {
    name: 'connectors',
    path: fixed('/sources/connectors'),
    permission: 'sources.read',
    heading: 'Connectors',
    expected: async (api) => (await api.get<{ items: ConnectorSummary[] }>('/api/v1/connectors')).items[0]?.name,
  },
  {
    name: 'credentials',
    path: fixed('/sources/credentials'),
    permission: 'credentials.read',
    heading: 'Credentials',
    expected: async (api) => (await api.get<Page<Credential>>('/api/v1/credentials?pageSize=1')).items[0]?.name,
  },
  {
    name: 'admin-users',
    path: fixed('/admin/users'),
    permission: 'users.read',
    heading: 'Users',
    expected: () => Promise.resolve('master_admin@demo.local'),
  },
  {
    name: 'admin-clients',
    path: fixed('/admin/clients'),
    permission: 'clients.manage',
    heading: 'Service clients',
    expected: () => Promise.resolve('demo-integrator'),
  },
  {
    name: 'admin-audit',
    path: fixed('/admin/audit'),
    permission: 'audit.read',
    heading: 'Audit log',
    expected: () => Promise.resolve('auth.login'),
  },
  {
    name: 'operations',
    path: fixed('/operations'),
    permission: 'ops.read',
    heading: 'Operations',
    expected: async (api) => {
      const modules = (await api.get<OpsSnapshot>('/api/v1/ops/snapshot')).modules;
      return modules.length > 0 ? OPS_MODULE_HEADINGS[modules[0]] : 'Your role sees no snapshot modules';
    },
  },
  {
    name: 'alerts',
    path: fixed('/alerts'),
    permission: 'alerts.read',
    heading: 'Alerts',
    expected: async (api) => (await api.get<{ items: AlertRule[] }>('/api/v1/ops/alert-rules')).items[0]?.name,
  },
  {
    name: 'notifications',
    path: fixed('/alerts/notifications'),
    permission: 'alerts.read',
    heading: 'Notifications',
    expected: async (api) =>
      (await api.get<{ items: ContactPoint[] }>('/api/v1/notifications/contact-points')).items[0]?.name,
  },
  {
    name: 'integrations',
    path: fixed('/integrations'),
    permission: 'integrations.read',
    heading: 'Integrations',
    expected: async (api) => (await firstIntegration(api))?.name,
  },
  {
    name: 'integration-detail',
    path: async (api) => {
      const integration = await firstIntegration(api);
      return integration && `/integrations/${integration.id}`;
    },
    permission: 'integrations.read',
    heading: /.+/,
    expected: async (api) => (await firstIntegration(api))?.name,
  },
];

/** Pages reached by a button rather than the navigation: the forms that change things. */
export const CONSOLE_FORM_PAGES: ConsolePage[] = [
  {
    name: 'source-new',
    path: fixed('/sources/new'),
    permission: 'sources.write',
    heading: 'New source',
    expected: () => Promise.resolve('Test connection'),
  },
  {
    name: 'source-edit',
    path: async (api) => {
      const source = await firstSource(api);
      return source && `/sources/${source.id}/edit`;
    },
    permission: 'sources.write',
    heading: /^Edit source /,
    expected: () => Promise.resolve('Save changes'),
  },
  {
    name: 'connector-new',
    path: fixed('/sources/connectors/new'),
    permission: 'sources.write',
    heading: 'New custom connector',
    expected: () => Promise.resolve('Try it with a draft source'),
  },
  {
    name: 'connector-built-in',
    path: fixed('/sources/connectors/servicenow'),
    permission: 'sources.read',
    heading: 'Connector servicenow',
    expected: () => Promise.resolve('Built-in connectors are read-only'),
  },
];
