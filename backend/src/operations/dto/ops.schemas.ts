import {
  ALERT_DIRECTIONS,
  ALERT_STATES,
  DATA_POINT_STATUSES,
  METRIC_NAME_PATTERN,
  OPS_CATEGORIES,
  OPS_MODULES,
} from '@switchyard/contracts';
import { z } from 'zod';

export const MAX_POINTS_PER_BATCH = 1000;
export const MIN_SERIES_STEP_SECONDS = 10;
export const MAX_SERIES_BUCKETS = 1440;
export const MAX_FORECAST_HORIZON = 240;

export const metricName = z.string().regex(METRIC_NAME_PATTERN, 'must be a metric name like cpu_usage');
const labelKey = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/, 'must be a label name');
const labels = z.record(labelKey, z.string().max(200)).refine((l) => Object.keys(l).length <= 16, 'at most 16 labels');
const isoInstant = z.iso.datetime({ offset: true });

export const dataPointSchema = z.strictObject({
  source: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'must be a source name like metrics-system'),
  category: z.enum(OPS_CATEGORIES),
  metric: metricName,
  value: z.number().finite(),
  timestamp: isoInstant.optional(),
  status: z.enum(DATA_POINT_STATUSES).optional(),
  metadata: z
    .record(z.string(), z.unknown())
    .refine((m) => JSON.stringify(m).length <= 4096, 'must be at most 4 KB of JSON')
    .optional(),
  labels: labels.refine((l) => !('source' in l), 'source is the series source; it cannot be a label').optional(),
  moduleAccess: z.array(z.enum(OPS_MODULES)).min(1).max(OPS_MODULES.length).optional(),
});

export const dataPointBatchSchema = z.strictObject({
  points: z.array(dataPointSchema).min(1).max(MAX_POINTS_PER_BATCH),
});

export const alertRuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be lower case letters, digits, _ or -'),
    name: z.string().trim().min(1).max(200),
    metric: metricName,
    warning: z.number().finite(),
    critical: z.number().finite(),
    direction: z.enum(ALERT_DIRECTIONS),
    holdSeconds: z.number().int().min(0).max(86_400).default(60),
    noDataAfterSeconds: z.number().int().min(10).max(604_800).default(300),
    alertOnNoData: z.boolean().default(true),
    labels: labels.default({}),
    matchers: labels.default({}),
    groupBy: z
      .array(labelKey)
      .max(16)
      .refine((g) => new Set(g).size === g.length, 'names a label twice')
      .nullable()
      .default(null),
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const ordered = rule.direction === 'above' ? rule.critical >= rule.warning : rule.critical <= rule.warning;
    if (!ordered) {
      ctx.addIssue({
        code: 'custom',
        path: ['critical'],
        message: `must be ${rule.direction === 'above' ? 'at least' : 'at most'} warning for direction ${rule.direction}`,
      });
    }
  });

export const alertRuleUpdateSchema = alertRuleSchema;

export const acknowledgeSchema = z.strictObject({ comment: z.string().trim().min(1).max(2000) });

export const silenceSchema = z
  .strictObject({
    matchers: z
      .strictObject({
        ruleId: z.string().min(1).max(64).optional(),
        metric: metricName.optional(),
        labels: labels.optional(),
      })
      .refine((m) => m.ruleId !== undefined || m.metric !== undefined || Object.keys(m.labels ?? {}).length > 0, {
        message: 'needs at least one of ruleId, metric or labels',
      }),
    startsAt: isoInstant.optional(),
    endsAt: isoInstant,
    comment: z.string().trim().min(1).max(2000),
  })
  .refine((s) => !s.startsAt || Date.parse(s.startsAt) < Date.parse(s.endsAt), {
    path: ['endsAt'],
    message: 'must be after startsAt',
  });

export const alertListQuerySchema = z.strictObject({
  // One comma list or repeated parameters (`state=firing&state=acknowledged`), as on every list filter.
  state: z
    .union([z.string(), z.array(z.string()).max(20)])
    .transform((s) => (Array.isArray(s) ? s.join(',') : s).split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum([...ALERT_STATES, 'open'])).min(1))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const seriesQuerySchema = z
  .strictObject({
    from: isoInstant,
    to: isoInstant,
    step: z.coerce.number().int().min(MIN_SERIES_STEP_SECONDS).max(86_400),
  })
  .superRefine((q, ctx) => {
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (from >= to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' });
    else if ((to - from) / 1000 / q.step > MAX_SERIES_BUCKETS) {
      ctx.addIssue({
        code: 'custom',
        path: ['step'],
        message: `is too small for the range: at most ${MAX_SERIES_BUCKETS} buckets`,
      });
    }
  });

export const forecastQuerySchema = z.strictObject({
  horizon: z.coerce.number().int().min(1).max(MAX_FORECAST_HORIZON).default(30),
  step: z.coerce.number().int().min(60).max(3600).default(60),
});
