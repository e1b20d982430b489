import { createHash } from 'node:crypto';
import { type Rng } from '../random';
import { DAY, HOUR, iso } from '../time';
import { type Person } from './fixtures';
import { teamName } from './hris';
import { type Project } from './pm.data';

/**
 * Jira's view of the PM portfolio: each PM project is a Jira project (category = portfolio)
 * holding one Epic that tracks the project, one Task per milestone and a handful of Stories
 * whose status categories give the share of work done.
 */
export type StatusName = 'To Do' | 'In Progress' | 'Done';
export type IssueType = 'Epic' | 'Task' | 'Story';

export interface JiraUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
}

export interface JiraProject {
  id: string;
  key: string;
  name: string;
  category: Project['portfolio'];
  lead: JiraUser;
}

export interface JiraIssue {
  id: string;
  key: string;
  projectKey: string;
  type: IssueType;
  summary: string;
  status: StatusName;
  priority: PriorityName;
  assignee: JiraUser | null;
  duedate: string | null;
  startDate: string | null;
  labels: string[];
  /** Demo custom fields on the Epic: the project's budget and cost (null elsewhere). */
  budget: number | null;
  actualCost: number | null;
  /** Epic custom fields set by the PMO: baseline progress (%) and the PPM tool's project id. */
  plannedProgress: number | null;
  ppmId: string | null;
  /** Atlassian team of the Epic (the Team field), by name. */
  team: string | null;
  created: number;
  updated: number;
  resolved: number | null;
}

type PriorityName = 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';

export const STORIES_PER_PROJECT = 8;
export const CATEGORY_IDS: Record<Project['portfolio'], string> = {
  Technology: '10000',
  Operations: '10001',
  Business: '10002',
};
/** Jira's own status category ids and keys. */
export const STATUS_CATEGORIES: Record<StatusName, { id: number; key: string; colorName: string; name: string }> = {
  'To Do': { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  'In Progress': { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  Done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
};
export const STATUS_IDS: Record<StatusName, string> = { 'To Do': '10000', 'In Progress': '3', Done: '10001' };
export const PRIORITY_IDS: Record<PriorityName, string> = {
  Highest: '1',
  High: '2',
  Medium: '3',
  Low: '4',
  Lowest: '5',
};
const PRIORITY_OF: Record<Project['priority'], PriorityName> = {
  Critical: 'Highest',
  High: 'High',
  Medium: 'Medium',
  Low: 'Low',
};
const STORY_VERBS = ['Define', 'Build', 'Migrate', 'Test', 'Document', 'Review', 'Automate', 'Roll out'] as const;
const STORY_OBJECTS = ['data model', 'integration', 'reporting', 'access rules', 'runbook', 'pilot group'] as const;

/** Jira Cloud's timestamp format: milliseconds and a `+0000` offset. */
export function jiraTime(ms: number): string {
  return iso(ms).replace('Z', '+0000');
}

export function jiraUser(person: Person): JiraUser {
  // Atlassian account ids are opaque; a hash keeps them stable per person.
  const accountId = createHash('sha1').update(person.email).digest('hex').slice(0, 24);
  return { accountId, displayName: person.name, emailAddress: person.email };
}

/** A project key from the name's initials (2–4 letters), made unique with a digit when taken. */
export function projectKey(name: string, taken: ReadonlySet<string>): string {
  const words = name
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  let key = words
    .map((word) => word[0])
    .join('')
    .slice(0, 4);
  if (key.length < 2) key = (words[0] ?? 'PRJ').slice(0, 3);
  if (!/^[A-Z]/.test(key)) key = `P${key}`;
  let candidate = key;
  for (let n = 2; taken.has(candidate); n++) candidate = `${key}${n}`;
  return candidate;
}

export function toJiraProject(project: Project, index: number, taken: ReadonlySet<string>): JiraProject {
  return {
    id: String(10000 + index),
    key: projectKey(project.name, taken),
    name: project.name,
    category: project.portfolio,
    lead: jiraUser(project.owner),
  };
}

/** The project's issues as of `now`; `nextId` hands out Jira's numeric issue ids. */
export function issuesFor(rng: Rng, project: Project, jira: JiraProject, now: number, nextId: () => string) {
  const issues: JiraIssue[] = [];
  let number = 0;
  const created = Date.parse(project.startDate);
  const base = (type: IssueType, summary: string): JiraIssue => ({
    id: nextId(),
    key: `${jira.key}-${++number}`,
    projectKey: jira.key,
    type,
    summary,
    status: 'To Do',
    priority: PRIORITY_OF[project.priority],
    assignee: jira.lead,
    duedate: null,
    startDate: null,
    labels: [],
    budget: null,
    actualCost: null,
    plannedProgress: null,
    ppmId: null,
    team: null,
    created,
    updated: Math.min(now - HOUR, created + rng.int(0, 20) * DAY),
    resolved: null,
  });

  const epic = base('Epic', project.name);
  epic.status = project.percentComplete >= 100 ? 'Done' : 'In Progress';
  epic.startDate = project.startDate;
  epic.duedate = project.endDate;
  epic.labels = [project.strategicGoal.toLowerCase().replace(/[^a-z0-9]+/g, '-')];
  epic.budget = project.budget;
  epic.actualCost = project.actualCost;
  epic.plannedProgress = project.plannedProgress;
  epic.ppmId = project.id;
  epic.team = teamName(project.team.slice(project.team.indexOf('-') + 1));
  epic.updated = Date.parse(project.updatedAt);
  if (epic.status === 'Done') epic.resolved = epic.updated;
  issues.push(epic);

  for (const milestone of project.milestones) {
    const task = base('Task', milestone.name);
    task.labels = ['milestone'];
    task.duedate = milestone.dueDate;
    if (milestone.completedAt !== null) {
      task.status = 'Done';
      task.resolved = task.updated = Date.parse(milestone.completedAt);
    }
    issues.push(task);
  }

  const done = Math.round((project.percentComplete / 100) * STORIES_PER_PROJECT);
  for (let i = 0; i < STORIES_PER_PROJECT; i++) {
    const story = base('Story', `${rng.pick(STORY_VERBS)} ${rng.pick(STORY_OBJECTS)}`);
    story.assignee = rng.chance(0.8) ? jira.lead : null;
    story.status = i < done ? 'Done' : i < done + 2 ? 'In Progress' : 'To Do';
    if (story.status === 'Done') story.resolved = story.updated;
    issues.push(story);
  }
  return issues;
}

/** The Team field's value: an Atlassian team (opaque id) and its name. */
export function teamJson(name: string) {
  const id = createHash('sha1').update(`team:${name}`).digest('hex');
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
  return { id: uuid, name, title: name, isVisible: true, isVerified: false, isShared: true };
}
