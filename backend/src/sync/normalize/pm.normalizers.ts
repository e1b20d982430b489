import { z } from 'zod';
import { instant, isoDate, optionalText, parseItems, row, text, type Normalizer } from './normalizer';

const project = z.looseObject({
  id: text,
  name: text,
  portfolio: z.enum(['Technology', 'Operations', 'Business']),
  status: z.enum(['On Track', 'At Risk', 'Behind Schedule', 'Critical', 'Completed']),
  priority: z.enum(['Critical', 'High', 'Medium', 'Low']),
  owner: z.looseObject({ name: optionalText, email: optionalText }).nullish(),
  team: optionalText,
  budget: z.number().nonnegative(),
  actualCost: z.number().nonnegative(),
  percentComplete: z.number().min(0).max(100),
  plannedProgress: z.number().min(0).max(100),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  strategicGoal: optionalText,
  milestones: z
    .array(z.looseObject({ id: text, name: text, dueDate: isoDate, completed: z.boolean(), completedAt: optionalText }))
    .default([]),
  updatedAt: instant,
});

export const pmProjects: Normalizer = {
  tables: ['projects'],
  normalize(payload, context) {
    const items = parseItems('pm projects', payload, 'data', project, context);
    return {
      projects: items.map((p) =>
        row(p.id, p.updatedAt, {
          name: p.name,
          portfolio: p.portfolio,
          status: p.status,
          priority: p.priority,
          ownerName: p.owner?.name ?? null,
          ownerEmail: p.owner?.email ?? null,
          team: p.team,
          budget: p.budget,
          actualCost: p.actualCost,
          percentComplete: p.percentComplete,
          plannedProgress: p.plannedProgress,
          startDate: p.startDate ?? null,
          endDate: p.endDate ?? null,
          strategicGoal: p.strategicGoal,
          milestones: p.milestones.map(({ id, name, dueDate, completed, completedAt }) => ({
            id,
            name,
            dueDate,
            completed,
            completedAt,
          })),
        }),
      ),
    };
  },
};

const risk = z.looseObject({
  id: text,
  projectId: text,
  title: text,
  category: optionalText,
  probability: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  score: z.number().int().min(1).max(25),
  status: z.enum(['Open', 'Mitigating', 'Closed']),
  owner: optionalText,
  mitigation: optionalText,
  identifiedAt: instant,
  closedAt: instant.nullish(),
  updatedAt: instant,
});

export const pmRisks: Normalizer = {
  tables: ['project_risks'],
  normalize(payload, context) {
    const items = parseItems('pm risks', payload, 'data', risk, context);
    return {
      project_risks: items.map((r) =>
        row(r.id, r.updatedAt, {
          projectExternalId: r.projectId,
          title: r.title,
          category: r.category,
          probability: r.probability,
          impact: r.impact,
          score: r.score,
          status: r.status,
          owner: r.owner,
          mitigation: r.mitigation,
          identifiedAt: r.identifiedAt,
          closedAt: r.closedAt ?? null,
        }),
      ),
    };
  },
};

const financial = z.looseObject({
  id: text,
  projectId: text,
  month: z.string().regex(/^\d{4}-\d{2}$/, 'expected YYYY-MM'),
  budget: z.number(),
  actual: z.number(),
  forecast: z.number().nullish(),
  benefit: z.number().nullish(),
  roi: z.number().nullish(),
  cashFlow: z.number().nullish(),
  discountRate: z.number().nullish(),
  updatedAt: instant,
});

export const pmFinancials: Normalizer = {
  tables: ['financial_entries'],
  normalize(payload, context) {
    const items = parseItems('pm financials', payload, 'data', financial, context);
    return {
      financial_entries: items.map((f) =>
        row(f.id, f.updatedAt, {
          projectExternalId: f.projectId,
          month: `${f.month}-01`,
          budget: f.budget,
          actual: f.actual,
          forecast: f.forecast ?? null,
          benefit: f.benefit ?? null,
          roi: f.roi ?? null,
          cashFlow: f.cashFlow ?? null,
          discountRate: f.discountRate ?? null,
        }),
      ),
    };
  },
};
