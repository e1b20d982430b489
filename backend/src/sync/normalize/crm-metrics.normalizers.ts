import { z } from 'zod';
import { instant, isoDate, optionalText, parseItems, row, text, type Normalizer } from './normalizer';

// ClientTether-style lists: `{ status, total_records, current_page, per_page, last_page, data: [...] }`.
const id = z.union([z.number().int(), z.string().min(1)]).transform(String);
const optionalId = id.nullish().transform((v) => v ?? null);

const lead = z.looseObject({
  lead_id: id,
  first_name: optionalText,
  last_name: optionalText,
  email: optionalText,
  phone: optionalText,
  lead_source: text,
  lead_status: text,
  owner: optionalText,
  created_at: instant,
  updated_at: instant,
});

export const crmLeads: Normalizer = {
  tables: ['crm_leads'],
  normalize(payload, context) {
    const items = parseItems('crm leads', payload, 'data', lead, context);
    return {
      crm_leads: items.map((l) =>
        row(l.lead_id, l.updated_at, {
          firstName: l.first_name,
          lastName: l.last_name,
          email: l.email,
          phone: l.phone,
          leadSource: l.lead_source,
          status: l.lead_status,
          owner: l.owner,
          createdAtSource: l.created_at,
        }),
      ),
    };
  },
};

const deal = z.looseObject({
  deal_id: id,
  lead_id: optionalId,
  deal_name: text,
  stage: text,
  value: z.number(),
  probability: z.number().int().min(0).max(100).nullish(),
  expected_close: isoDate.nullish(),
  stage_entered_at: instant.nullish(),
  updated_at: instant,
});

export const crmPipeline: Normalizer = {
  tables: ['crm_pipeline_items'],
  normalize(payload, context) {
    const items = parseItems('crm pipeline', payload, 'data', deal, context);
    return {
      crm_pipeline_items: items.map((d) =>
        row(d.deal_id, d.updated_at, {
          leadExternalId: d.lead_id,
          name: d.deal_name,
          stage: d.stage,
          value: d.value,
          probability: d.probability ?? null,
          expectedClose: d.expected_close ?? null,
          stageEnteredAt: d.stage_entered_at ?? null,
        }),
      ),
    };
  },
};

const hot = z.looseObject({
  hot_id: id,
  lead_id: optionalId,
  name: text,
  reason: optionalText,
  priority: z.number().int().min(1).max(5),
  status: text,
  last_activity_at: instant.nullish(),
  added_at: instant.nullish(),
  updated_at: instant,
});

export const crmHotList: Normalizer = {
  tables: ['crm_hot_list_items'],
  normalize(payload, context) {
    const items = parseItems('crm hot list', payload, 'data', hot, context);
    return {
      crm_hot_list_items: items.map((h) =>
        row(h.hot_id, h.updated_at, {
          leadExternalId: h.lead_id,
          name: h.name,
          reason: h.reason,
          priority: h.priority,
          status: h.status,
          lastActivityAt: h.last_activity_at ?? null,
          addedAt: h.added_at ?? null,
        }),
      ),
    };
  },
};

const note = z.looseObject({
  note_id: id,
  lead_id: optionalId,
  author: optionalText,
  body: text,
  created_at: instant,
  updated_at: instant,
});

export const crmNotes: Normalizer = {
  tables: ['crm_notes'],
  normalize(payload, context) {
    const items = parseItems('crm notes', payload, 'data', note, context);
    return {
      crm_notes: items.map((n) =>
        row(n.note_id, n.updated_at, {
          leadExternalId: n.lead_id,
          author: n.author,
          body: n.body,
          notedAt: n.created_at,
        }),
      ),
    };
  },
};

const activity = z.looseObject({
  activity_id: id,
  lead_id: optionalId,
  type: text,
  title: text,
  scheduled_for: instant,
  duration_minutes: z.number().int().nonnegative().nullish(),
  assigned_to: optionalText,
  status: text,
  updated_at: instant,
});

export const crmSchedule: Normalizer = {
  tables: ['crm_scheduled_activities'],
  normalize(payload, context) {
    const items = parseItems('crm schedule', payload, 'data', activity, context);
    return {
      crm_scheduled_activities: items.map((a) =>
        row(a.activity_id, a.updated_at, {
          leadExternalId: a.lead_id,
          activityType: a.type,
          title: a.title,
          scheduledFor: a.scheduled_for,
          durationMinutes: a.duration_minutes ?? null,
          assignedTo: a.assigned_to,
          status: a.status,
        }),
      ),
    };
  },
};

const series = z.looseObject({
  metric: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'expected a metric name'),
  category: z.string().max(32),
  unit: optionalText,
  points: z.array(z.tuple([instant, z.number()])),
});

export const metricsSeries: Normalizer = {
  tables: ['data_points'],
  appendOnly: true,
  normalize(payload, context) {
    const items = parseItems('metrics', payload, 'series', series, context);
    return {
      data_points: items.flatMap((s) =>
        s.points.map(([at, value]) =>
          row(`${s.metric}@${at.toISOString()}`, at, {
            category: s.category,
            metric: s.metric,
            value,
            unit: s.unit,
            recordedAt: at,
          }),
        ),
      ),
    };
  },
};
