import type { Permission } from '@switchyard/contracts';

export interface NavItem {
  label: string;
  path: string;
  /** One-line hint shown as the link's title. */
  hint: string;
  /** Needed to open the page; the route's guard checks the same one. Absent: every signed-in user. */
  permission?: Permission;
}

export interface NavSection {
  title: string;
  items: NavItem[];
}

/**
 * The console's navigation, in order; the first item a user may open is their home page.
 * Each item's permission is the one its route guard checks (see the feature routes files).
 * Feature areas add their entries here as they arrive.
 */
export const NAV_SECTIONS: NavSection[] = [
  {
    title: 'Dashboards',
    items: [
      {
        label: 'Overview',
        path: '/overview',
        hint: 'Department scorecards and portfolio KPIs',
        permission: 'dashboard.read',
      },
    ],
  },
  {
    title: 'Portfolio',
    items: [
      {
        label: 'Projects',
        path: '/portfolio/projects',
        hint: 'Projects and their health',
        permission: 'projects.read',
      },
      {
        label: 'Financials',
        path: '/portfolio/financials',
        hint: 'Budget against actual, earned value',
        permission: 'financials.read',
      },
      { label: 'Risks', path: '/portfolio/risks', hint: 'Risk register and heat map', permission: 'risks.read' },
    ],
  },
  {
    title: 'Workplace',
    items: [
      { label: 'People', path: '/workplace/people', hint: 'Headcount, open roles, hiring', permission: 'people.read' },
      { label: 'Events', path: '/workplace/events', hint: 'Upcoming meetings and visits', permission: 'events.read' },
      {
        label: 'Incidents',
        path: '/workplace/incidents',
        hint: 'Incidents and requests by severity',
        permission: 'incidents.read',
      },
    ],
  },
  {
    title: 'CRM',
    items: [
      { label: 'Leads', path: '/crm/leads', hint: 'Leads by source and status', permission: 'crm.read' },
      { label: 'Pipeline', path: '/crm/pipeline', hint: 'Deal stages and progression', permission: 'crm.read' },
      { label: 'Hot list', path: '/crm/hot-list', hint: 'Prioritised follow-ups', permission: 'crm.read' },
      { label: 'Notes', path: '/crm/notes', hint: 'Notes with full-text search', permission: 'crm.read' },
      { label: 'Schedule', path: '/crm/schedule', hint: 'Upcoming activities', permission: 'crm.read' },
    ],
  },
  {
    title: 'Integration',
    items: [
      { label: 'Sources', path: '/sources', hint: 'Sources, sync runs and freshness', permission: 'sources.read' },
      {
        label: 'Connectors',
        path: '/sources/connectors',
        hint: 'Built-in and custom connectors and their streams',
        permission: 'sources.read',
      },
      {
        label: 'Credentials',
        path: '/sources/credentials',
        hint: 'Upstream credentials and where they are used',
        permission: 'credentials.read',
      },
    ],
  },
  {
    title: 'Operations',
    items: [
      {
        label: 'System status',
        path: '/system',
        hint: 'Readiness, database and backend instances',
        permission: 'system.read',
      },
      {
        label: 'Operations center',
        path: '/operations',
        hint: 'Snapshot modules, aggregator and metric forecasts',
        permission: 'ops.read',
      },
      { label: 'Alerts', path: '/alerts', hint: 'Alerts, acknowledgements and silences', permission: 'alerts.read' },
      {
        label: 'Notifications',
        path: '/alerts/notifications',
        hint: 'Contact points, notification policies and the delivery log',
        permission: 'alerts.read',
      },
      {
        label: 'Integrations',
        path: '/integrations',
        hint: 'Integration health, events and issues triage',
        permission: 'integrations.read',
      },
    ],
  },
  {
    title: 'Admin',
    items: [
      { label: 'Users', path: '/admin/users', hint: 'Users and their roles', permission: 'users.read' },
      {
        label: 'Service clients',
        path: '/admin/clients',
        hint: 'OAuth2 service clients',
        permission: 'clients.manage',
      },
      { label: 'Audit log', path: '/admin/audit', hint: 'Who did what, when', permission: 'audit.read' },
    ],
  },
];

/** The sections and items a user may open, in order; sections left empty are dropped. */
export function permittedSections(
  sections: readonly NavSection[],
  can: (permission: Permission) => boolean,
): NavSection[] {
  return sections
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => item.permission === undefined || can(item.permission)),
    }))
    .filter((section) => section.items.length > 0);
}
