import { type Rng } from '../random';
import { ctTime, DAY, HOUR, MINUTE, ymd } from '../time';
import { firstLast, person } from './fixtures';

export interface Lead {
  lead_id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  lead_source: 'Website' | 'Referral' | 'Facebook' | 'Google Ads' | 'Walk-in' | 'Event';
  lead_status: 'New' | 'Contacted' | 'Qualified' | 'Unqualified' | 'Converted' | 'Lost';
  owner: string;
  created_at: string;
  updated_at: string;
}

export const STAGES = ['Prospect', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_PROBABILITY: Record<Stage, number> = {
  Prospect: 10,
  Discovery: 25,
  Proposal: 50,
  Negotiation: 75,
  'Closed Won': 100,
  'Closed Lost': 0,
};

export interface Deal {
  deal_id: number;
  lead_id: number;
  deal_name: string;
  stage: Stage;
  value: number;
  probability: number;
  expected_close: string;
  stage_entered_at: string;
  updated_at: string;
}

export interface HotListItem {
  hot_id: number;
  lead_id: number;
  name: string;
  reason: string;
  priority: number;
  status: 'Active' | 'Contacted' | 'Cleared';
  last_activity_at: string;
  added_at: string;
  updated_at: string;
}

export interface Note {
  note_id: number;
  lead_id: number;
  author: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface Activity {
  activity_id: number;
  lead_id: number;
  type: 'Call' | 'Meeting' | 'Email' | 'Tour' | 'Follow-up';
  title: string;
  scheduled_for: string;
  duration_minutes: number;
  assigned_to: string;
  status: 'Scheduled' | 'Completed' | 'Cancelled';
  updated_at: string;
}

const SOURCES = ['Website', 'Referral', 'Facebook', 'Google Ads', 'Walk-in', 'Event'] as const;
const LEAD_STATUSES = [
  'New',
  'New',
  'Contacted',
  'Contacted',
  'Qualified',
  'Unqualified',
  'Converted',
  'Lost',
] as const;
const PACKAGES = ['Starter package', 'Annual plan', 'Family plan', 'Premium plan', 'Corporate account'] as const;
const HOT_REASONS = [
  'Requested pricing',
  'Visited twice this week',
  'Opened five emails',
  'Booked a tour',
  'Referral from a customer',
  'Abandoned online signup',
] as const;
const NOTE_BODIES = [
  'Left a voicemail, will try again tomorrow.',
  'Interested in the annual plan; wants a discount.',
  'Asked about weekend hours.',
  'Comparing us with a competitor across town.',
  'Spouse also interested; send the family plan.',
  'Prefers text over calls.',
  'Budget approved, waiting on signature.',
] as const;
const ACTIVITY_TYPES = ['Call', 'Meeting', 'Email', 'Tour', 'Follow-up'] as const;

/** Generates one brand's records; ids restart per brand because each brand is its own account. */
export class CrmGenerator {
  readonly reps: string[];

  constructor(
    private readonly rng: Rng,
    readonly brand: string,
  ) {
    this.reps = Array.from({ length: 6 }, () => person(rng).name);
  }

  lead(id: number, createdAt: number, updatedAt: number, status?: Lead['lead_status']): Lead {
    const { first, last } = firstLast(this.rng);
    return {
      lead_id: id,
      first_name: first,
      last_name: last,
      email: `${first}.${last}.${id}@example.com`.toLowerCase(),
      phone: `(555) ${this.rng.int(200, 999)}-${String(this.rng.int(0, 9999)).padStart(4, '0')}`,
      lead_source: this.rng.pick(SOURCES),
      lead_status: status ?? this.rng.pick(LEAD_STATUSES),
      owner: this.rng.pick(this.reps),
      created_at: ctTime(createdAt),
      updated_at: ctTime(updatedAt),
    };
  }

  deal(id: number, lead: Lead, stage: Stage, enteredAt: number, updatedAt: number): Deal {
    return {
      deal_id: id,
      lead_id: lead.lead_id,
      deal_name: `${lead.last_name} – ${this.rng.pick(PACKAGES)}`,
      stage,
      value: this.rng.int(4, 120) * 50,
      probability: STAGE_PROBABILITY[stage],
      expected_close: ymd(enteredAt + this.rng.int(7, 90) * DAY),
      stage_entered_at: ctTime(enteredAt),
      updated_at: ctTime(updatedAt),
    };
  }

  hot(id: number, lead: Lead, now: number): HotListItem {
    const added = now - this.rng.int(1, 20) * DAY;
    const activity = Math.min(now - MINUTE, added + this.rng.int(0, 48) * HOUR);
    return {
      hot_id: id,
      lead_id: lead.lead_id,
      name: `${lead.first_name} ${lead.last_name}`,
      reason: this.rng.pick(HOT_REASONS),
      priority: this.rng.int(1, 5),
      status: this.rng.pick(['Active', 'Active', 'Contacted', 'Cleared'] as const),
      last_activity_at: ctTime(activity),
      added_at: ctTime(added),
      updated_at: ctTime(activity),
    };
  }

  note(id: number, leadId: number, at: number): Note {
    return {
      note_id: id,
      lead_id: leadId,
      author: this.rng.pick(this.reps),
      body: this.rng.pick(NOTE_BODIES),
      created_at: ctTime(at),
      updated_at: ctTime(at),
    };
  }

  activity(id: number, leadId: number, scheduledFor: number, status: Activity['status'], updatedAt: number): Activity {
    const type = this.rng.pick(ACTIVITY_TYPES);
    return {
      activity_id: id,
      lead_id: leadId,
      type,
      title: `${type} with lead ${leadId}`,
      scheduled_for: ctTime(scheduledFor),
      duration_minutes: this.rng.pick([15, 30, 45, 60]),
      assigned_to: this.rng.pick(this.reps),
      status,
      updated_at: ctTime(updatedAt),
    };
  }
}
