import type { FailureCategory, IntegrationId } from '@switchyard/contracts';
import { normaliseFailureText, RULES, statusInText } from './category-vocabulary';
import { readCodeEvidence, undocumentedCode, type CodeVerdict } from './vendor-codes';

export interface FailureSignal {
  integration: IntegrationId;
  eventType: string;
  message: string;
  code: string | null;
  httpStatus: number | null;
}

export interface CategoryVerdict {
  category: FailureCategory;
  /** 0..1: how clearly the rules decided (winner's share of all points); 1 for a documented code. */
  confidence: number;
  /** The documented code that decided, if one did. */
  code?: CodeVerdict;
}

interface TextVerdict {
  category: FailureCategory;
  confidence: number;
  /** How many cause wordings of the winning category the text holds (status and topics aside). */
  causes: number;
  /** Cause wordings per category. */
  causesOf: Map<FailureCategory, number>;
}

/**
 * Structured evidence first: a vendor code that names the cause decides, whether it sits in the
 * code field or in the message (a JSON error body, `reason=…`). A catch-all code (QuickBooks 6000,
 * Gusto `payroll_blocker`, Stripe `card_error`) decides unless the text clearly names another
 * cause (more cause wordings of another category than of its own); one that names no cause at
 * all ("declined") leaves the failure unknown. Without a code, the keyword rules read the text,
 * with the HTTP status adding a few points (a prior, not a verdict).
 */
export function categorize(signal: FailureSignal): CategoryVerdict {
  const { decisive, family } = readCodeEvidence(signal.integration, signal.code, signal.message);
  if (decisive) return { category: decisive.category, confidence: 1, code: decisive };
  const text = readText(signal);
  if (!family) return { category: text.category, confidence: text.confidence };
  const ownCauses = text.causesOf.get(family.category) ?? 0;
  if (text.category !== family.category && text.causes > ownCauses) {
    return { category: text.category, confidence: text.confidence };
  }
  // "Declined", and nothing says why: no reason given is no cause to attribute.
  if (family.namesNoCause && ownCauses === 0) return { category: 'unknown', confidence: 0.5 };
  return { category: family.category, confidence: 1, code: family };
}

function readText(signal: FailureSignal): TextVerdict {
  const text = normaliseFailureText(signal.message, undocumentedCode(signal.integration, signal.code));
  const status = signal.httpStatus ?? statusInText(signal.message);
  let best: { category: FailureCategory; score: number; causes: number } = { category: 'unknown', score: 0, causes: 0 };
  let total = 0;
  const causesOf = new Map<FailureCategory, number>();
  for (const rule of RULES) {
    const causes = rule.causes.filter((pattern) => pattern.test(text)).length;
    causesOf.set(rule.category, causes);
    let score = causes;
    if (causes > 0) {
      score += rule.topics?.filter((pattern) => pattern.test(text)).length ?? 0;
      if (rule.integrations?.includes(signal.integration)) score += 1;
    }
    if (status !== null) score += rule.statuses?.[status] ?? 0;
    total += score;
    // On equal points the text outranks the status: more cause wordings win, then the rule order.
    if (score > best.score || (score === best.score && causes > best.causes)) {
      best = { category: rule.category, score, causes };
    }
  }
  // A server error explained by at most one stray word is still a server error.
  if (best.score < 2 && status !== null && status >= 500)
    return { category: 'unknown', confidence: 0.5, causes: 0, causesOf };
  const confidence = total === 0 ? 0 : best.score / total;
  return { category: best.category, confidence, causes: best.causes, causesOf };
}
