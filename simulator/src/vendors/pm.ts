import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { BEARER_CHALLENGE, bearerToken, HttpError, intParam, pageSlice, timeParam } from '../http';
import { clamp, Rng } from '../random';
import { monthKey, monthStart, iso } from '../time';
import { type AuthResult, type ChangeNotice, type RequestContext, type VendorModel } from '../types';
import {
  financialMonths,
  generateFinancial,
  generateProject,
  generateRisk,
  newRisk,
  plannedAt,
  PROJECT_COUNT,
  RISK_COUNT,
  settle,
  statusFor,
  type Financial,
  type Project,
  type Risk,
} from './pm.data';

export const PM_CLIENT_ID = 'switchyard';
export const PM_CLIENT_SECRET = 'pm-demo-secret';
const TOKEN_TTL_SECONDS = 3600;
const MAX_PER_PAGE = 200;

export class PmVendor implements VendorModel {
  readonly id = 'pm';
  readonly drift = { field: 'budget', renameTo: 'budgetAmount' };
  private readonly rng: Rng;
  private readonly projects: Project[];
  private readonly risks: Risk[];
  private financials: Financial[];
  private readonly tokens = new Map<string, number>();

  constructor(seed: number, start: number) {
    this.rng = Rng.stream(seed, 'pm');
    this.projects = Array.from({ length: PROJECT_COUNT }, (_, i) => generateProject(this.rng, i, start, false));
    this.risks = Array.from({ length: RISK_COUNT }, (_, i) => generateRisk(this.rng, i, this.projects, start));
    this.financials = this.projects.flatMap((project) =>
      financialMonths(start).map((month) =>
        generateFinancial(this.rng, project, month, month === monthStart(start) ? start : monthStart(month, 1)),
      ),
    );
    this.sortFinancials();
  }

  evolve(at: number): ChangeNotice {
    const active = this.projects.filter((p) => p.status !== 'Completed');
    const moved = this.rng.shuffle(active).slice(0, 2);
    for (const project of moved) this.progress(project, at);
    this.rollMonth(at);
    for (const project of moved) this.spend(project, at);
    this.evolveRisk(at);
    return { type: 'projects.changed', idsKey: 'projectIds', ids: moved.map((p) => p.id) };
  }

  notifyAll(): ChangeNotice {
    return { type: 'projects.changed', idsKey: 'projectIds', ids: this.projects.map((p) => p.id) };
  }

  authenticate(request: FastifyRequest, now: number): AuthResult {
    const token = bearerToken(request);
    const expiresAt = token === null ? undefined : this.tokens.get(token);
    if (expiresAt === undefined || expiresAt <= now) return { ok: false, challenge: BEARER_CHALLENGE };
    return { ok: true, principal: null };
  }

  routes(app: FastifyInstance, context: (request: FastifyRequest) => RequestContext): void {
    app.post('/pm/oauth/token', { config: { public: true } }, (request, reply) =>
      this.issueToken(request, reply, context(request).now),
    );
    app.get('/pm/v2/projects', (request) => this.page(request, this.projects));
    app.get('/pm/v2/risks', (request) => this.page(request, this.risks));
    app.get('/pm/v2/financials', (request) => this.page(request, this.financials));
  }

  private page<T extends { updatedAt: string }>(request: FastifyRequest, items: readonly T[]) {
    const page = intParam(request, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
    const perPage = intParam(request, 'per_page', 50, 1, MAX_PER_PAGE);
    const since = timeParam(request, 'updated_since');
    const selected = since === null ? items : items.filter((item) => Date.parse(item.updatedAt) >= since);
    return {
      data: pageSlice(selected, page, perPage),
      meta: { page, perPage, total: selected.length, totalPages: Math.ceil(selected.length / perPage) },
    };
  }

  private issueToken(request: FastifyRequest, reply: FastifyReply, now: number) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const basic = basicCredentials(request.headers.authorization);
    const grantType = body['grant_type'];
    if (grantType !== 'client_credentials') {
      throw new HttpError(
        400,
        grantType === undefined ? 'invalid_request' : 'unsupported_grant_type',
        'grant_type must be client_credentials',
      );
    }
    const clientId = basic?.id ?? body['client_id'];
    const clientSecret = basic?.secret ?? body['client_secret'];
    if (clientId !== PM_CLIENT_ID || typeof clientSecret !== 'string' || !sameSecret(clientSecret, PM_CLIENT_SECRET)) {
      if (basic) void reply.header('www-authenticate', 'Basic realm="pm"');
      return reply.code(401).send({ error: 'invalid_client' });
    }
    for (const [token, expiresAt] of this.tokens) if (expiresAt <= now) this.tokens.delete(token);
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, now + TOKEN_TTL_SECONDS * 1000);
    return reply
      .header('cache-control', 'no-store')
      .send({ access_token: token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS });
  }

  private progress(project: Project, at: number): void {
    project.percentComplete = clamp(project.percentComplete + this.rng.int(1, 4), 0, 100);
    project.plannedProgress = plannedAt(project, at);
    project.actualCost += Math.round(project.budget * this.rng.between(0.004, 0.02, 4));
    if (project.percentComplete >= 100 || this.rng.chance(0.35)) {
      project.status = statusFor(project.percentComplete, project.plannedProgress);
    }
    for (const milestone of project.milestones) {
      const due = Date.parse(milestone.dueDate) <= at;
      if (!milestone.completed && (project.percentComplete >= 100 || (due && this.rng.chance(0.5)))) {
        milestone.completed = true;
        milestone.completedAt = iso(at);
      }
    }
    project.updatedAt = iso(at);
    // A finished project makes room for a new one, so a long-running demo never runs out of work.
    if (project.status === 'Completed') this.startProject(at);
  }

  private startProject(at: number): void {
    const project = generateProject(this.rng, this.projects.length, at, true);
    this.projects.push(project);
    const financial = generateFinancial(this.rng, project, monthStart(at), at);
    financial.actual = 0;
    financial.benefit = 0;
    settle(financial);
    this.financials.push(financial);
    this.sortFinancials();
  }

  private spend(project: Project, at: number): void {
    const entry = this.financials.find((f) => f.projectId === project.id && f.month === monthKey(at));
    if (!entry) return;
    entry.actual += Math.round(entry.budget * this.rng.between(0.01, 0.06, 4));
    entry.benefit += Math.round(entry.budget * this.rng.between(0, 0.07, 4));
    entry.forecast = Math.max(entry.actual, Math.round(entry.forecast * this.rng.between(0.98, 1.04, 4)));
    settle(entry);
    entry.updatedAt = iso(at);
  }

  /** A new month opens entries for every project; entries older than twelve months drop off. */
  private rollMonth(at: number): void {
    const month = monthKey(at);
    if (this.financials.some((f) => f.month === month)) return;
    const oldest = monthKey(monthStart(at, -11));
    this.financials = this.financials.filter((f) => f.month >= oldest);
    for (const project of this.projects) {
      const entry = generateFinancial(this.rng, project, monthStart(at), at);
      entry.actual = 0;
      entry.benefit = 0;
      settle(entry);
      this.financials.push(entry);
    }
    this.sortFinancials();
  }

  private evolveRisk(at: number): void {
    const open = this.risks.filter((r) => r.status !== 'Closed');
    const risk = this.rng.pick(open.length > 0 ? open : this.risks);
    if (risk.status === 'Closed' || this.rng.chance(0.5)) {
      risk.probability = clamp(risk.probability + this.rng.pick([-1, 1]), 1, 5);
      risk.score = risk.probability * risk.impact;
    } else {
      risk.status = risk.status === 'Open' ? 'Mitigating' : 'Closed';
      risk.closedAt = risk.status === 'Closed' ? iso(at) : null;
      if (risk.status === 'Closed') {
        const project = this.rng.pick(this.projects.filter((p) => p.status !== 'Completed'));
        this.risks.push(newRisk(this.rng, this.risks.length, project.id, at));
      }
    }
    risk.updatedAt = iso(at);
  }

  private sortFinancials(): void {
    this.financials.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before being joined.
  return { id: safeDecode(decoded.slice(0, colon)), secret: safeDecode(decoded.slice(colon + 1)) };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
