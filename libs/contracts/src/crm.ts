// Shapes of the crm API (see backend/src/crm).
import type { Freshness, FreshnessState, SourceFreshness } from './freshness';
import type { Page } from './pagination';

/** Values the ClientTether-style CRM uses, spelled as it spells them. */
export const CRM_LEAD_STATUSES = ['New', 'Contacted', 'Qualified', 'Unqualified', 'Converted', 'Lost'] as const;
export type CrmLeadStatus = (typeof CRM_LEAD_STATUSES)[number];

export const CRM_LEAD_SOURCES = ['Website', 'Referral', 'Facebook', 'Google Ads', 'Walk-in', 'Event'] as const;
export type CrmLeadSource = (typeof CRM_LEAD_SOURCES)[number];

/** Funnel order: open stages first, then the two closed outcomes. */
export const CRM_PIPELINE_STAGES = [
  'Prospect',
  'Discovery',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
] as const;
export type CrmPipelineStage = (typeof CRM_PIPELINE_STAGES)[number];

export const CRM_HOT_LIST_STATUSES = ['Active', 'Contacted', 'Cleared'] as const;
export type CrmHotListStatus = (typeof CRM_HOT_LIST_STATUSES)[number];

export const CRM_ACTIVITY_STATUSES = ['Scheduled', 'Completed', 'Cancelled'] as const;
export type CrmActivityStatus = (typeof CRM_ACTIVITY_STATUSES)[number];

/** Weeks of history in the pipeline progression. */
export const CRM_PROGRESSION_WEEKS = 8;

/** Every CRM answer says how fresh the sources behind it are. */
export interface CrmFreshness {
  freshness: Freshness;
}

export interface CrmLead {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  /** Upstream values are passed through; unknown ones are kept, not dropped. */
  source: string;
  status: string;
  owner: string | null;
  createdAt: string;
  updatedAt: string | null;
}

export type CrmLeadPage = Page<CrmLead> & CrmFreshness;
export type CrmLeadDetail = CrmLead & CrmFreshness;

export interface CrmCount {
  key: string;
  count: number;
  /** count / total; null when there are no leads. */
  share: number | null;
}

export interface CrmLeadStats extends CrmFreshness {
  tenant: string;
  total: number;
  bySource: CrmCount[];
  byStatus: CrmCount[];
  generatedAt: string;
}

export interface CrmPipelineStageSummary {
  stage: string;
  count: number;
  totalValue: number;
  /** Σ value × probability / 100; deals without a probability add nothing. */
  weightedValue: number;
  /** totalValue / count; null for an empty stage. */
  averageValue: number | null;
}

export interface CrmPipelineWeek {
  /** Monday 00:00 UTC that starts the week. */
  weekStart: string;
  /** Deals whose current stage was entered in this week, by stage (funnel order, same as `stages`). */
  entered: Array<{ stage: string; count: number }>;
}

export interface CrmPipeline extends CrmFreshness {
  tenant: string;
  stages: CrmPipelineStageSummary[];
  totals: {
    count: number;
    totalValue: number;
    weightedValue: number;
    /** Closed Won / (Closed Won + Closed Lost); null with no closed deals. */
    winRate: number | null;
  };
  /** Oldest week first, the current week last. */
  progression: CrmPipelineWeek[];
  generatedAt: string;
}

export interface CrmHotListItem {
  id: string;
  leadId: string | null;
  name: string;
  reason: string | null;
  /** 1 = hottest. */
  priority: number;
  status: string;
  lastActivityAt: string | null;
  addedAt: string | null;
}

export type CrmHotListPage = Page<CrmHotListItem> & CrmFreshness;

export interface CrmNote {
  id: string;
  leadId: string | null;
  date: string;
  author: string | null;
  /** The first 200 characters of the body. */
  summary: string;
  body: string;
}

export type CrmNotePage = Page<CrmNote> & CrmFreshness;

export interface CrmActivity {
  id: string;
  leadId: string | null;
  /** The lead's name ("Ada Lovelace"), when the lead is known; screens show it instead of the id. */
  leadName: string | null;
  type: string;
  title: string;
  scheduledFor: string;
  durationMinutes: number | null;
  assignedTo: string | null;
  status: string;
}

export type CrmActivityPage = Page<CrmActivity> & CrmFreshness;

/** A CRM source's freshness; `lastError` is the last failed attempt, kept until a later success clears it. */
export type CrmSourceSyncStatus = SourceFreshness;

export interface CrmTenantSyncStatus {
  tenant: string;
  /** The oldest last-success of the tenant's CRM sources; null while any never loaded. */
  lastSuccessAt: string | null;
  state: FreshnessState;
  /** Why the worst source is not fresh, prefixed with its name; null when all are fresh. */
  reason: string | null;
  sources: CrmSourceSyncStatus[];
}

export interface CrmSyncStatus {
  tenants: CrmTenantSyncStatus[];
  generatedAt: string;
}
