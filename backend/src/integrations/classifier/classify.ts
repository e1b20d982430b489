import type { ErrorClassification, IntegrationId } from '@switchyard/contracts';
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
  const { category } = categorize(input);
  const entry = playbookFor(input.integration, category);
  const stakes = stakesOf(input.integration);
  const retryable =
    category === 'unknown' && input.httpStatus !== null && input.httpStatus < 500 ? false : entry.retryable;
  return {
    category,
    severity: assessSeverity(entry.baseSeverity, input.integration, category, readBusinessContext(input.data), now),
    cause: `${entry.cause} ${describeError(input)}`,
    suggestedFix: entry.suggestedFix,
    affectedData: affectedData(input.integration, input.eventType, input.data),
    businessImpact: stakes.impact,
    retryable,
    origin: entry.origin,
    classifiedBy: 'rules',
    signature: normalizeErrorMessage(input.message),
  };
}

function describeError(input: FailureInput): string {
  const status = input.httpStatus ? ` (HTTP ${input.httpStatus})` : '';
  return `The ${input.eventType} call said${status}: "${input.message}".`;
}

function affectedData(integration: IntegrationId, eventType: string, data?: Record<string, unknown>): string[] {
  const stakes = stakesOf(integration).data;
  const words = eventType.toLowerCase().split(/[._]/);
  const matching = stakes.filter((item) => words.some((w) => w.length > 3 && item.includes(w.replace(/s$/, ''))));
  const ids = Object.entries(data ?? {})
    .filter(([key, value]) => /id$/i.test(key) && (typeof value === 'string' || typeof value === 'number'))
    .map(([key, value]) => `${key.replace(/Id$/i, '')} ${String(value)}`);
  return [...(matching.length > 0 ? matching : stakes), ...ids];
}
