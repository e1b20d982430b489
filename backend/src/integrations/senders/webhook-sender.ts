import type { IntegrationEventStatus } from '@switchyard/contracts';
import { timingSafeEqual } from 'node:crypto';
import { DomainException } from '../../common';

export type RequestHeaders = Record<string, string | string[] | undefined>;

export interface SenderRequest {
  rawBody: Buffer;
  headers: RequestHeaders;
  /** Our clock at arrival: timestamps are judged against it, never against Date.now(). */
  receivedAt: Date;
}

/** `sentAt`: when the sender signed the request, if its scheme says (null otherwise). */
export type Verification = { ok: true; sentAt: Date | null } | { ok: false; reason: string };

/** What one sender event failed with, in the sender's own words and codes. */
export interface SenderError {
  /**
   * Vendor codes from general to specific, joined by `/` (Stripe `card_error/card_declined/insufficient_funds`,
   * QuickBooks `ValidationFault/6140`, Gusto `payroll_blocker/geocode_error`); the classifier reads them first.
   */
  code: string | null;
  message: string;
  httpStatus: number | null;
}

/** One event as a sender described it, before redaction. */
export interface SenderEvent {
  /** The sender's own id for the event: the idempotency key. */
  senderEventId: string;
  eventType: string;
  status: IntegrationEventStatus;
  occurredAt: Date | null;
  error: SenderError | null;
  /** The record the event is about (an authorization, an invoice, a payroll…). */
  entity: { type: string; id: string } | null;
  /** Business facts worth indexing (deadlines, company, project); kept beside the native record. */
  facts: Record<string, unknown>;
  /** The native event as received; redacted before it is stored. */
  native: unknown;
}

/** A request a sender makes that is not an event (a subscription handshake): answered, stored nowhere. */
export interface SenderHandshake {
  /** What the sender handed over, for an admin to act on (Gusto: the verification token). */
  token: string;
  subscription: string | null;
}

/**
 * One sender's webhook dialect: how it signs a request and how it shapes its events.
 * Adapters are pure (no I/O): the intake service stores what they return.
 */
export interface WebhookSender {
  /** Short name stored with each event (`stripe`, `quickbooks`…). */
  readonly format: string;
  /** True when the body is Switchyard's generic event (stored as it is, not wrapped). */
  readonly genericBody?: boolean;
  /** True when the request carries this sender's signature headers (used to tell formats apart). */
  recognizes(headers: RequestHeaders): boolean;
  verify(request: SenderRequest, secrets: readonly string[]): Verification;
  /** Maps a parsed, verified body to events; throws a 400 DomainException when the shape is wrong. */
  parse(body: unknown, request: SenderRequest, sentAt: Date | null): SenderEvent[];
  /** A request answered before any signature check (Gusto's subscription handshake); null for the rest. */
  handshake?(body: unknown): SenderHandshake | null;
}

export function header(headers: RequestHeaders, name: string): string {
  const value = headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Compares two strings in constant time (for their common length; a length mismatch is a mismatch). */
export function sameSecret(offered: string, expected: string): boolean {
  const a = Buffer.from(offered, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** JSON.parse for webhook bodies: NUL bytes and bad JSON are a 400, never stored. */
export function parseWebhookJson(rawBody: Buffer): unknown {
  const text = rawBody.toString('utf8');
  if (text.includes('\u0000') || /\\u0000/i.test(text)) {
    throw new DomainException('VALIDATION_FAILED', 400, 'The webhook body contains NUL bytes');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainException('MALFORMED_JSON', 400, 'The request body is not valid JSON');
  }
}

export function badShape(format: string, detail: string): DomainException {
  return new DomainException('VALIDATION_FAILED', 400, `not a ${format} webhook: ${detail}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(value: unknown): string | null {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Unix seconds (number or numeric string) or an ISO date; null when neither. */
export function dateFrom(value: unknown): Date | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000);
  if (typeof value !== 'string' || value === '') return null;
  const date = /^\d{9,11}$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
