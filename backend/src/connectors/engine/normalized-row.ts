import type { RecordType } from '@switchyard/contracts';
import { createHash } from 'node:crypto';

/** The normalized table behind each record type; the owning domain module declares its entity. */
export const RECORD_TABLES = {
  projects: 'projects',
  risks: 'project_risks',
  financials: 'financial_entries',
  departments: 'departments',
  teams: 'teams',
  events: 'calendar_events',
  incidents: 'incidents',
  'crm-leads': 'crm_leads',
  'crm-pipeline': 'crm_pipeline_items',
  'crm-hot-list': 'crm_hot_list_items',
  'crm-notes': 'crm_notes',
  'crm-schedule': 'crm_scheduled_activities',
  metrics: 'data_points',
} as const satisfies Record<RecordType, string>;

export type NormalizedTable = (typeof RECORD_TABLES)[RecordType];
export const NORMALIZED_TABLES = Object.values(RECORD_TABLES) as NormalizedTable[];

/** One record, ready to upsert. `values` are keyed by entity property name. */
export interface NormalizedRow {
  externalId: string;
  sourceUpdatedAt: Date | null;
  values: Record<string, unknown>;
  contentHash: string;
}

export function normalizedRow(
  externalId: string,
  sourceUpdatedAt: Date | null,
  values: Record<string, unknown>,
): NormalizedRow {
  const contentHash = createHash('sha256').update(JSON.stringify(values)).digest('hex');
  return { externalId, sourceUpdatedAt, values, contentHash };
}
