import type { ErrorClassification, FailureCategory, IntegrationId } from '@switchyard/contracts';
import { categorize, type FailureSignal } from './category-rules';
import { normalizeErrorMessage } from './error-signature';
import { playbookFor, stakesOf } from './playbook';
import { assessSeverity, readBusinessContext } from './severity';

export interface FailureInput extends FailureSignal {
  /** The event's (already redacted) business data: deadlines, record ids. */
  data?: Record<string, unknown>;
}

/**
 * The deterministic classifier: category from the rules, then cause, fix, impact,
 * retryability and origin from the playbook, severity raised by business context.
 */
export function classifyByRules(input: FailureInput, now: Date): ErrorClassification {
  const { category, code } = categorize(input);
  const entry = playbookFor(input.integration, category);
  const stakes = stakesOf(input.integration);
  return {
    category,
    severity: assessSeverity(entry.baseSeverity, input.integration, category, readBusinessContext(input.data), now),
    cause: `${code?.cause ?? entry.cause} ${describeError(input)}`,
    suggestedFix: code?.fix ?? entry.suggestedFix,
    affectedData: affectedData(input.integration, input.eventType, input.data),
    businessImpact: stakes.impact,
    retryable: isRetryable(category, input.httpStatus, code?.retryable, `${input.message} ${input.code ?? ''}`),
    origin: entry.origin,
    classifiedBy: 'rules',
    signature: normalizeErrorMessage(input.message),
  };
}

/** Words that say a failure is passing: timeouts, dropped connections, locks, "try again later". */
const TRANSIENT =
  /timed? ?out|timeout|unexpected token '?<|<!doctype|<html|html (page|document|response)|instead of json|connection (reset|refused|closed|aborted)|econnreset|econnrefused|etimedout|socket hang up|temporar(il)?y unavailable|service unavailable|try again (later|shortly|in a)|retry (later|shortly)|please retry|lock (wait )?timeout|deadlock|currently (being )?(accessed|accessing|locked)|(scheduled )?maintenance/i;

/**
 * Retrying is decided by evidence, in this order: a decline or a compliance violation never
 * heals by itself; a 429 or 5xx gateway status (502/503/504) says "later" by definition; a
 * documented code says what its vendor says; a refused credential or a malformed record fails
 * the same way again, and so does an unexplained 4xx; otherwise only transient evidence (a 5xx, a 408, a timeout, a reset
 * connection, a lock, "try again later") makes a retry worth it. An unknown failure without such
 * evidence is not retried blindly: it is surfaced for a person to look at.
 */
export function isRetryable(
  category: FailureCategory,
  httpStatus: number | null,
  byCode: boolean | undefined,
  text = '',
): boolean {
  if (category === 'spending_control' || category === 'compliance') return false;
  if (httpStatus === 429 || httpStatus === 502 || httpStatus === 503 || httpStatus === 504) return true;
  // A 4xx (other than 408) with no recognizable reason is an answer about the request: it fails the same way again.
  if (category === 'unknown' && httpStatus !== null && httpStatus < 500 && httpStatus !== 408) return false;
  if (byCode !== undefined) return byCode;
  if (category === 'rate_limit') return true;
  if (category === 'auth' || category === 'data_validation') return false;
  if (httpStatus !== null && (httpStatus >= 500 || httpStatus === 408)) return true;
  return TRANSIENT.test(text);
}

function describeError(input: FailureInput): string {
  // A failure with an HTTP status is an answer to a call; without one, the sender's event reported it.
  if (!input.httpStatus) return `The ${input.eventType} event reported: "${input.message}".`;
  return `The ${input.eventType} call said (HTTP ${input.httpStatus}): "${input.message}".`;
}

function affectedData(integration: IntegrationId, eventType: string, data?: Record<string, unknown>): string[] {
  const stakes = stakesOf(integration).data;
  const words = eventType.toLowerCase().split(/[._]/);
  const matching = stakes.filter((item) => words.some((w) => w.length > 3 && item.includes(w.replace(/s$/, ''))));
  const { entityType, entityId, ...rest } = data ?? {};
  // A native event names the record it is about (an authorization, a payroll): that one first.
  const entity = typeof entityType === 'string' && typeof entityId === 'string' ? [`${entityType} ${entityId}`] : [];
  const ids = Object.entries(rest)
    .filter(([key, value]) => /id$/i.test(key) && (typeof value === 'string' || typeof value === 'number'))
    .map(([key, value]) => `${key.replace(/Id$/i, '')} ${String(value)}`);
  return [...(matching.length > 0 ? matching : stakes), ...entity, ...ids];
}
