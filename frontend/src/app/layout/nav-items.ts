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

/** The console's navigation. Feature areas add their entries here as they arrive. */
export const NAV_SECTIONS: NavSection[] = [
  {
    title: 'Operations',
    items: [
      {
        label: 'System status',
        path: '/system',
        hint: 'Readiness, database and backend instances',
        permission: 'system.read',
      },
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
