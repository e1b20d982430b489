import { clamp, round, type Rng } from '../random';
import { DAY, HOUR, iso, MINUTE, monthKey, monthStart, ymd } from '../time';
import { person, TEAM_IDS, type Person } from './fixtures';

export type ProjectStatus = 'On Track' | 'At Risk' | 'Behind Schedule' | 'Critical' | 'Completed';

export interface Milestone {
  id: string;
  name: string;
  dueDate: string;
  completed: boolean;
  completedAt: string | null;
}

export interface Project {
  id: string;
  name: string;
  portfolio: 'Technology' | 'Operations' | 'Business';
  status: ProjectStatus;
  priority: 'Critical' | 'High' | 'Medium' | 'Low';
  owner: Person;
  team: string;
  budget: number;
  actualCost: number;
  percentComplete: number;
  plannedProgress: number;
  startDate: string;
  endDate: string;
  strategicGoal: string;
  milestones: Milestone[];
  updatedAt: string;
}

export interface Risk {
  id: string;
  projectId: string;
  title: string;
  category: string;
  probability: number;
  impact: number;
  score: number;
  status: 'Open' | 'Mitigating' | 'Closed';
  owner: string;
  mitigation: string;
  identifiedAt: string;
  closedAt: string | null;
  updatedAt: string;
}

export interface Financial {
  id: string;
  projectId: string;
  month: string;
  budget: number;
  actual: number;
  forecast: number;
  benefit: number;
  roi: number;
  cashFlow: number;
  discountRate: number;
  updatedAt: string;
}

const PROJECT_NAMES = [
  'ERP Migration',
  'Warehouse Automation',
  'Customer Portal Redesign',
  'Data Lake Consolidation',
  'Fleet Telematics',
  'Zero Trust Rollout',
  'Payroll Modernisation',
  'Supplier Onboarding',
  'Mobile Field App',
  'Plant North Expansion',
  'CRM Unification',
  'Cloud Cost Program',
  'Quality Analytics',
  'Returns Streamlining',
  'Self-Service HR',
  'Pricing Engine',
  'Energy Efficiency Retrofit',
  'Contact Centre Upgrade',
  'Inventory Forecasting',
  'Identity Platform',
  'Sales Enablement Hub',
  'Compliance Automation',
  'Network Refresh',
  'Loyalty Program Relaunch',
] as const;
const PORTFOLIOS = ['Technology', 'Operations', 'Business'] as const;
const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'] as const;
const GOALS = [
  'Operational Excellence',
  'Customer Growth',
  'Cost Reduction',
  'Digital Transformation',
  'Risk & Compliance',
] as const;
const MILESTONES = ['Discovery complete', 'Design sign-off', 'Build complete', 'Pilot', 'Go-live'] as const;
const RISK_CATEGORIES = ['Technical', 'Financial', 'Schedule', 'Resource', 'Compliance', 'Vendor'] as const;
const RISK_TITLES = [
  'Key engineer may leave',
  'Vendor delivery slipping',
  'Budget overrun on licences',
  'Integration more complex than planned',
  'Regulatory change pending',
  'Data quality below target',
  'Stakeholder availability',
  'Hardware lead times',
] as const;
const MITIGATIONS = [
  'Cross-train a second owner',
  'Weekly vendor checkpoint',
  'Renegotiate licence tiers',
  'Add an integration spike',
  'Engage legal early',
  'Run a data cleansing sprint',
] as const;

export const PROJECT_COUNT = 24;
export const RISK_COUNT = 60;
const MONTHS_OF_FINANCIALS = 12;

export function statusFor(percentComplete: number, plannedProgress: number): ProjectStatus {
  if (percentComplete >= 100) return 'Completed';
  const gap = plannedProgress - percentComplete;
  if (gap <= 5) return 'On Track';
  if (gap <= 12) return 'At Risk';
  if (gap <= 20) return 'Behind Schedule';
  return 'Critical';
}

export function plannedAt(project: Project, at: number): number {
  const start = Date.parse(project.startDate);
  const end = Date.parse(project.endDate);
  return Math.round(clamp(((at - start) / (end - start)) * 100, 0, 100));
}

export function generateProject(rng: Rng, index: number, now: number, fresh: boolean): Project {
  const startMs = fresh ? now - rng.int(0, 7) * DAY : now - rng.int(30, 400) * DAY;
  const endMs = startMs + rng.int(120, 600) * DAY;
  const budget = rng.int(80, 2500) * 1000;
  const project: Project = {
    id: `PRJ-${1001 + index}`,
    name:
      PROJECT_NAMES[index % PROJECT_NAMES.length] +
      (index >= PROJECT_NAMES.length ? ` ${Math.floor(index / PROJECT_NAMES.length) + 1}` : ''),
    portfolio: rng.pick(PORTFOLIOS),
    status: 'On Track',
    priority: rng.pick(PRIORITIES),
    owner: person(rng),
    team: rng.pick(TEAM_IDS),
    budget,
    actualCost: 0,
    percentComplete: 0,
    plannedProgress: 0,
    startDate: ymd(startMs),
    endDate: ymd(endMs),
    strategicGoal: rng.pick(GOALS),
    milestones: [],
    // The newest seeded change is five minutes old, inside the demo's freshness windows.
    updatedAt: iso(fresh ? now : now - rng.int(1, 72) * HOUR + 55 * MINUTE),
  };
  project.plannedProgress = plannedAt(project, now);
  const finished = !fresh && rng.chance(0.12);
  project.percentComplete = finished ? 100 : clamp(project.plannedProgress + rng.int(-25, 8), 0, 99);
  project.actualCost = Math.round(budget * (project.percentComplete / 100) * rng.between(0.85, 1.3));
  project.status = statusFor(project.percentComplete, project.plannedProgress);
  project.milestones = generateMilestones(rng, project, startMs, endMs, now);
  const lastTouched = project.milestones.map((m) => (m.completedAt === null ? 0 : Date.parse(m.completedAt)));
  project.updatedAt = iso(Math.max(Date.parse(project.updatedAt), ...lastTouched));
  return project;
}

function generateMilestones(rng: Rng, project: Project, startMs: number, endMs: number, now: number): Milestone[] {
  const count = rng.int(3, 5);
  return MILESTONES.slice(0, count).map((name, i) => {
    const due = startMs + ((i + 1) / count) * (endMs - startMs);
    const completed = project.percentComplete >= 100 || (due < now && rng.chance(0.85));
    const completedAt = completed ? Math.min(now - HOUR, due + rng.int(-5, 5) * DAY) : null;
    return {
      id: `${project.id}-M${i + 1}`,
      name,
      dueDate: ymd(due),
      completed,
      completedAt: completedAt === null ? null : iso(completedAt),
    };
  });
}

export function generateRisk(rng: Rng, index: number, projects: readonly Project[], now: number): Risk {
  const probability = rng.int(1, 5);
  const impact = rng.int(1, 5);
  const status = rng.pick(['Open', 'Open', 'Mitigating', 'Closed'] as const);
  const identified = now - rng.int(2, 120) * DAY;
  const closed = status === 'Closed' ? Math.min(now - HOUR, identified + rng.int(1, 30) * DAY) : null;
  const touched = Math.min(now - HOUR, (closed ?? identified) + rng.int(0, 96) * HOUR);
  return {
    id: `RSK-${2001 + index}`,
    projectId: rng.pick(projects).id,
    title: rng.pick(RISK_TITLES),
    category: rng.pick(RISK_CATEGORIES),
    probability,
    impact,
    score: probability * impact,
    status,
    owner: person(rng).name,
    mitigation: rng.pick(MITIGATIONS),
    identifiedAt: iso(identified),
    closedAt: closed === null ? null : iso(closed),
    updatedAt: iso(touched),
  };
}

export function newRisk(rng: Rng, index: number, projectId: string, at: number): Risk {
  const probability = rng.int(2, 5);
  const impact = rng.int(2, 5);
  return {
    id: `RSK-${2001 + index}`,
    projectId,
    title: rng.pick(RISK_TITLES),
    category: rng.pick(RISK_CATEGORIES),
    probability,
    impact,
    score: probability * impact,
    status: 'Open',
    owner: person(rng).name,
    mitigation: rng.pick(MITIGATIONS),
    identifiedAt: iso(at),
    closedAt: null,
    updatedAt: iso(at),
  };
}

/** One month's entry; past months are settled, the current one is still moving. */
export function generateFinancial(rng: Rng, project: Project, monthMs: number, stampedAt: number): Financial {
  const monthly = Math.round(project.budget / 12);
  const actual = Math.round(monthly * rng.between(0.6, 1.25));
  const benefit = Math.round(actual * rng.between(0.7, 1.8));
  const financial: Financial = {
    id: `FIN-${project.id}-${monthKey(monthMs)}`,
    projectId: project.id,
    month: monthKey(monthMs),
    budget: monthly,
    actual,
    forecast: Math.round(actual * rng.between(0.95, 1.1)),
    benefit,
    roi: 0,
    cashFlow: 0,
    discountRate: 0.08,
    updatedAt: iso(stampedAt),
  };
  settle(financial);
  return financial;
}

export function settle(financial: Financial): void {
  financial.roi =
    financial.actual === 0 ? 0 : round(((financial.benefit - financial.actual) / financial.actual) * 100, 1);
  financial.cashFlow = financial.benefit - financial.actual;
}

export function financialMonths(now: number): number[] {
  return Array.from({ length: MONTHS_OF_FINANCIALS }, (_, i) => monthStart(now, i - (MONTHS_OF_FINANCIALS - 1)));
}
