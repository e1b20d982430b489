import { z } from 'zod';
import { type FrozenInterval, type StepClock } from './clock/steps';
import { iso } from './time';
import { FAULT_TYPES, type FaultSpec, type FaultType, type FaultView, type VendorId } from './types';

/** An active fault as kept inside: the control API's view, with epoch-ms times and its freeze. */
export interface Fault extends Omit<FaultView, 'createdAt' | 'expiresAt'> {
  createdAt: number;
  expiresAt: number | null;
  /** The freeze this fault causes (type `frozen` only); ended when the fault ends. */
  freeze: FrozenInterval | null;
}

/** Faults that answer in place of the vendor; the first one that matches wins. */
export const TERMINAL_FAULTS: readonly FaultType[] = ['timeout', 'rate_limit', 'server_error', 'unauthorized'];

const DEFAULT_LATENCY_MS = 2000;
const DEFAULT_RETRY_AFTER_SECONDS = 30;
const DEFAULT_ERROR_STATUS = 503;

const faultSpecSchema = z.strictObject({
  type: z.enum(FAULT_TYPES),
  count: z.int().min(1).optional(),
  durationMs: z.int().min(1).optional(),
  latencyMs: z.int().min(0).max(600_000).optional(),
  retryAfterSeconds: z.int().min(0).max(86_400).optional(),
  status: z.int().min(400).max(599).optional(),
  field: z.string().min(1).optional(),
  renameTo: z.string().min(1).optional(),
  pathPrefix: z.string().startsWith('/').optional(),
  brand: z.string().min(1).optional(),
});

/** Reads a fault body; returns the spec or a message for a 400. */
export function parseFaultSpec(body: unknown, vendor: VendorId, brands: readonly string[]): FaultSpec | string {
  const parsed = faultSpecSchema.safeParse(body ?? {});
  if (!parsed.success) return describeIssues(parsed.error);
  const spec = parsed.data;
  if (spec.brand !== undefined) {
    if (vendor !== 'crm' && vendor !== 'clienttether') {
      return 'brand: only crm and clienttether faults can be limited to a brand';
    }
    if (!brands.includes(spec.brand)) return `brand: unknown crm brand "${spec.brand}"`;
  }
  return spec;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message).join('; ');
}

export class FaultStore {
  private faults: Fault[] = [];
  private sequence = 0;

  add(
    vendor: VendorId,
    spec: FaultSpec,
    now: number,
    drift: { field: string; renameTo: string },
    clock: StepClock,
  ): Fault {
    const expiresAt = spec.durationMs === undefined ? null : now + spec.durationMs;
    const field = spec.type === 'schema_drift' ? (spec.field ?? drift.field) : null;
    const fault: Fault = {
      id: `flt_${++this.sequence}`,
      vendor,
      type: spec.type,
      count: spec.count ?? null,
      remaining: spec.count ?? null,
      durationMs: spec.durationMs ?? null,
      latencyMs: spec.type === 'latency' ? (spec.latencyMs ?? DEFAULT_LATENCY_MS) : null,
      retryAfterSeconds: spec.type === 'rate_limit' ? (spec.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) : null,
      status: spec.type === 'server_error' ? (spec.status ?? DEFAULT_ERROR_STATUS) : null,
      field,
      renameTo: field === null ? null : (spec.renameTo ?? (field === drift.field ? drift.renameTo : `${field}_v2`)),
      pathPrefix: spec.pathPrefix ?? null,
      brand: spec.brand ?? null,
      createdAt: now,
      expiresAt,
      freeze: spec.type === 'frozen' ? clock.freeze(now, expiresAt) : null,
    };
    this.faults.push(fault);
    return fault;
  }

  /** Faults in force at `now`, oldest first. */
  active(vendor: VendorId | null, now: number): Fault[] {
    this.faults = this.faults.filter((fault) => !this.isOver(fault, now));
    return this.faults.filter((fault) => vendor === null || fault.vendor === vendor);
  }

  /** Faults that apply to one request: same vendor, matching path prefix and brand. */
  matching(vendor: VendorId, path: string, brand: string | null, now: number): Fault[] {
    const relative = path.slice(vendor.length + 1) || '/';
    return this.active(vendor, now).filter(
      (fault) =>
        (fault.pathPrefix === null || path.startsWith(fault.pathPrefix) || relative.startsWith(fault.pathPrefix)) &&
        (fault.brand === null || fault.brand === brand),
    );
  }

  /** Counts one hit against the fault; false when its count is already used up. */
  consume(fault: Fault, now: number): boolean {
    if (this.isOver(fault, now)) return false;
    if (fault.remaining === null) return true;
    fault.remaining--;
    // The request that uses up a freeze still sees frozen data; steps resume after it.
    if (fault.remaining === 0) this.end(fault, now + 1);
    return true;
  }

  clear(vendor: VendorId | null, now: number): number {
    const cleared = this.active(vendor, now);
    for (const fault of cleared) this.end(fault, now);
    this.faults = this.faults.filter((fault) => !cleared.includes(fault));
    return cleared.length;
  }

  private isOver(fault: Fault, now: number): boolean {
    return (fault.expiresAt !== null && fault.expiresAt <= now) || fault.remaining === 0;
  }

  private end(fault: Fault, at: number): void {
    if (fault.freeze && (fault.freeze.to === null || fault.freeze.to > at)) fault.freeze.to = at;
  }
}

export function viewFault(fault: Fault): FaultView {
  return {
    id: fault.id,
    vendor: fault.vendor,
    type: fault.type,
    count: fault.count,
    remaining: fault.remaining,
    durationMs: fault.durationMs,
    latencyMs: fault.latencyMs,
    retryAfterSeconds: fault.retryAfterSeconds,
    status: fault.status,
    field: fault.field,
    renameTo: fault.renameTo,
    pathPrefix: fault.pathPrefix,
    brand: fault.brand,
    createdAt: iso(fault.createdAt),
    expiresAt: fault.expiresAt === null ? null : iso(fault.expiresAt),
  };
}
