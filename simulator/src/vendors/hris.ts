import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { BEARER_CHALLENGE, bearerToken } from '../http';
import { clamp, Rng } from '../random';
import { iso, MINUTE } from '../time';
import { type AuthResult, type ChangeNotice, type RequestContext, type VendorModel } from '../types';
import { DEPARTMENTS, person } from './fixtures';

export const HRIS_TOKEN = 'hris-demo-token';

export interface Pipeline {
  applied: number;
  screening: number;
  interviewing: number;
  offer: number;
  hired: number;
}

export interface Team {
  id: string;
  name: string;
  managerEmail: string;
  headcount: number;
  openRoles: number;
  pipeline: Pipeline;
  sentimentScore: number;
  updatedAt: string;
}

export interface Department {
  id: string;
  name: string;
  headcount: number;
  openRoles: number;
  updatedAt: string;
  teams: Team[];
}

const PIPELINE_STAGES = ['applied', 'screening', 'interviewing', 'offer', 'hired'] as const;

export class HrisVendor implements VendorModel {
  readonly id = 'hris';
  readonly drift = { field: 'headcount', renameTo: 'head_count' };
  private readonly rng: Rng;
  private readonly departments: Department[];

  constructor(seed: number, start: number) {
    this.rng = Rng.stream(seed, 'hris');
    this.departments = DEPARTMENTS.map((department) => {
      const teams = department.teams.map((team) => this.generateTeam(department.id, team, start));
      const department_: Department = {
        id: department.id,
        name: department.name,
        headcount: 0,
        openRoles: 0,
        updatedAt: iso(Math.max(...teams.map((t) => Date.parse(t.updatedAt)))),
        teams,
      };
      totals(department_);
      return department_;
    });
  }

  evolve(at: number): ChangeNotice | null {
    const department = this.rng.pick(this.departments);
    const team = this.rng.pick(department.teams);
    this.movePipeline(team);
    team.updatedAt = iso(at);
    totals(department);
    department.updatedAt = iso(at);

    const moodDepartment = this.rng.pick(this.departments);
    const moodTeam = this.rng.pick(moodDepartment.teams);
    moodTeam.sentimentScore = clamp(
      Math.round((moodTeam.sentimentScore + this.rng.between(-0.04, 0.04)) * 100) / 100,
      0,
      1,
    );
    moodTeam.updatedAt = iso(at);
    moodDepartment.updatedAt = iso(at);
    return null;
  }

  notifyAll(): null {
    return null;
  }

  /** The departments as they stand, for a vendor that presents the same organisation its own way. */
  departmentsView(): readonly Readonly<Department>[] {
    return this.departments;
  }

  authenticate(request: FastifyRequest): AuthResult {
    return bearerToken(request) === HRIS_TOKEN
      ? { ok: true, principal: null }
      : { ok: false, challenge: BEARER_CHALLENGE };
  }

  routes(app: FastifyInstance, context: (request: FastifyRequest) => RequestContext): void {
    app.get('/hris/api/departments', (request) => ({
      departments: this.departments,
      generatedAt: iso(context(request).dataTime),
    }));
  }

  private generateTeam(departmentId: string, slug: string, start: number): Team {
    const openRoles = this.rng.int(0, 6);
    return {
      id: `${departmentId}-${slug}`,
      name: teamName(slug),
      managerEmail: person(this.rng).email,
      headcount: this.rng.int(6, 40),
      openRoles,
      pipeline: {
        applied: this.rng.int(0, 30) * Math.sign(openRoles),
        screening: this.rng.int(0, 10) * Math.sign(openRoles),
        interviewing: this.rng.int(0, 6) * Math.sign(openRoles),
        offer: this.rng.int(0, 2) * Math.sign(openRoles),
        hired: this.rng.int(0, 4),
      },
      sentimentScore: this.rng.between(0.55, 0.9),
      // Minutes, not days: a live HRIS has recent changes, and freshness judges the newest record.
      updatedAt: iso(start - this.rng.int(1, 240) * MINUTE),
    };
  }

  /** Candidates advance one stage; a hire fills an open role; new applicants keep the funnel fed. */
  private movePipeline(team: Team): void {
    const pipeline = team.pipeline;
    const stage = this.rng.int(0, PIPELINE_STAGES.length - 2);
    const from = PIPELINE_STAGES[stage];
    const to = PIPELINE_STAGES[stage + 1];
    const moving = Math.min(pipeline[from], this.rng.int(1, 3));
    pipeline[from] -= moving;
    pipeline[to] += moving;
    if (to === 'hired' && moving > 0) {
      team.headcount += moving;
      team.openRoles = Math.max(0, team.openRoles - moving);
      if (team.openRoles === 0 && this.rng.chance(0.5)) team.openRoles = this.rng.int(1, 3);
    }
    if (team.openRoles > 0) pipeline.applied += this.rng.int(0, 4);
  }
}

function totals(department: Department): void {
  department.headcount = department.teams.reduce((sum, team) => sum + team.headcount, 0);
  department.openRoles = department.teams.reduce((sum, team) => sum + team.openRoles, 0);
}

export function teamName(slug: string): string {
  const names: Record<string, string> = { fpa: 'FP&A', hrops: 'HR Operations', smb: 'SMB' };
  return names[slug] ?? slug.charAt(0).toUpperCase() + slug.slice(1);
}
