export interface NavItem {
  label: string;
  path: string;
  /** One-line hint shown as the link's title. */
  hint: string;
}

export interface NavSection {
  title: string;
  items: NavItem[];
}

/** The console's navigation. Feature areas add their entries here as they arrive. */
export const NAV_SECTIONS: NavSection[] = [
  {
    title: 'Operations',
    items: [{ label: 'System status', path: '/system', hint: 'Readiness, database and backend instances' }],
  },
];
