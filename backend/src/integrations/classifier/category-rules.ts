import type { FailureCategory, IntegrationId } from '@switchyard/contracts';
import { lookUpCode, type CodeVerdict } from './vendor-codes';

export interface FailureSignal {
  integration: IntegrationId;
  eventType: string;
  message: string;
  code: string | null;
  httpStatus: number | null;
}

interface CategoryRule {
  category: Exclude<FailureCategory, 'unknown'>;
  /** Each pattern that matches the message or code adds one point. */
  patterns: RegExp[];
  /** HTTP statuses that add points on their own. */
  statuses?: Partial<Record<number, number>>;
  /** Integrations where this category is the usual meaning of an ambiguous word. */
  integrations?: IntegrationId[];
}

/**
 * Keyword and status rules per category, written from vendor error vocabularies
 * (Procore, Gusto, QuickBooks, Stripe, LCPtracker) rather than from any one message.
 * The order breaks ties: the more specific business categories come first.
 */
const RULES: CategoryRule[] = [
  {
    // Prevailing wage / Davis-Bacon / certified payroll (LCPtracker, WH-347) and wage-and-hour law.
    category: 'compliance',
    patterns: [
      /prevailing wage|wage (determination|decision)|davis[- ]bacon|wage and hour/,
      /certified (payroll|report)|\bcpr\b|wh-?347|statement of compliance|no work performed/,
      /fringe/,
      /apprentice|journeyman/,
      /\bi-9\b|e-?verify|new hire report|classified as contractor|misclassif|wage law|labor law/,
      /(craft|worker|trade|labor) (classification|group)|classification .*not (on|in|listed)/,
      /overdue|past due|deadline (missed|passed)|after the (submission )?deadline|submitted late|late submission|(no|missing) (certified )?payroll (was )?(received|submitted|filed)/,
      /overtime .*(below|less than|under)|straight[- ]time|paid (below|less than|under) .*(rate|wage)|underpa(id|yment)/,
      /minimum wage|(state|city|local|federal|applicable) minimum|below the (required|minimum)/,
      /certificate of insurance|(insurance|license|licence|certificate|certification|registration) (has |have )?(expired|lapsed)|expired (insurance|license|licence|certificate|certification)/,
      /(signature|signed statement|signatory) (is )?(missing|required)|missing (the )?(signature|signed)|unsigned/,
    ],
    integrations: ['lcptracker'],
  },
  {
    // Card issuing authorization outcomes (Stripe Issuing request_history reasons, card decline codes).
    category: 'spending_control',
    patterns: [
      /spending (limit|control)|spend limit/,
      /merchant categor|\bmcc\b/,
      /declined|not approved|authori[sz]ation (was )?(refused|denied)/,
      /cardholder (is )?(inactive|blocked)|card (is |was |has been )?(canceled|cancelled|inactive|frozen|lost|stolen|expired|blocked)/,
      /insufficient (funds|balance)|issuing balance/,
      /velocity|per (transaction|authorization) limit/,
      /fraud|risk control/,
      /verification (failed|required)|(cvc|pin|address|zip) (check|verification) (failed|mismatch)/,
    ],
    integrations: ['stripe_issuing'],
  },
  {
    category: 'rate_limit',
    patterns: [
      /rate[ -]?limit|ratelimit/,
      /too many (requests|submissions|calls)/,
      /throttl/,
      /quota|max(imum)? number of calls|calls allowed|request limit|concurrent request/,
      /slow down|try again (later|in a few)|retry after|retry-after/,
    ],
    statuses: { 429: 3 },
  },
  {
    // OAuth 2.0 errors, 401/403 wording, app installs and subscriptions that grant access.
    category: 'auth',
    patterns: [
      /unauthori[sz]ed|unauthenticated|authentication ?failed|login failed|sign in again/,
      /(access|refresh|oauth|bearer)?\s?token.*(expired|revoked|invalid|no longer valid)|invalid_token|invalid_grant|invalid_client|unauthorized_client/,
      /api key|credentials? (are|is)? ?(incorrect|invalid)|invalid credentials/,
      /permission|not permitted|forbidden|scope|not been granted|not authori[sz]ed/,
      /session expired|re-?authori[sz]e|reconnect|disconnected/,
      /authori[sz]ation (failure|failed|error)|(do not|don't|does not|doesn't|no longer) have access|access (is )?denied/,
      /app(lication)? .*(is )?not installed|(was |been )?uninstalled/,
    ],
    statuses: { 401: 3, 403: 2 },
  },
  {
    // The record exists but is in a state that refuses the change: 409, or a 422 that speaks of state.
    category: 'data_state_mismatch',
    patterns: [
      /not found|no such|does not exist|has been deleted|was deleted|missing from/,
      /already (been )?(processed|approved|submitted|exists|paid|closed|taken|voided|posted|finali[sz]ed)|already exists|duplicate/,
      /stale object|another user|modified since|out of (sync|date)|version (conflict|mismatch)|sync ?token/,
      /period (is )?closed|closed (in|period)|\bis closed\b|terminat(ed|ion date)|dismissed|not (set up|verified)|has not been verified/,
      /can ?not (be )?(modified|edited|changed|updated|deleted)|cannot change|can no longer be|no longer (active|exists)/,
      /invalid reference|references? .* which/,
      /\bis (inactive|archived|locked|voided|void|approved|finali[sz]ed)\b|(wrong|invalid|current) (status|state)|in (the )?(status|state) /,
      /not (assigned|linked|mapped|associated) (to|with)/,
    ],
    statuses: { 404: 2, 409: 3 },
  },
  {
    category: 'data_validation',
    patterns: [
      /required|missing required|can'?t be blank|cannot be blank|must (be|not|supply)|need to supply/,
      /invalid(?! (api|reference|token|credentials))|is not valid|not a (valid|number)|malformed (body|field|date)/,
      /exceeds? \d+|more than \d+ decimal|in the future|out of range|not balanced|does not equal|format/,
      /validation error|unprocessable|parameter/,
    ],
    // 422 is a weak prior: it answers field errors and state conflicts alike, so the text decides.
    statuses: { 400: 1, 422: 1 },
  },
];

export interface CategoryVerdict {
  category: FailureCategory;
  /** 0..1: how clearly the rules decided (winner's share of all points); 1 for a documented code. */
  confidence: number;
  /** The documented code that decided, if one did. */
  code?: CodeVerdict;
}

/**
 * Structured evidence first: a vendor code the vendor documents decides. Without one, the
 * keyword rules read the message, with the HTTP status adding a few points (a prior, not a verdict).
 */
export function categorize(signal: FailureSignal): CategoryVerdict {
  const coded = lookUpCode(signal.integration, signal.code);
  if (coded) return { category: coded.category, confidence: 1, code: coded };
  const text = `${signal.message} ${signal.code ?? ''}`.toLowerCase();
  let best: { category: FailureCategory; score: number } = { category: 'unknown', score: 0 };
  let total = 0;
  for (const rule of RULES) {
    let score = rule.patterns.filter((pattern) => pattern.test(text)).length;
    if (score > 0 && rule.integrations?.includes(signal.integration)) score += 1;
    if (signal.httpStatus !== null) score += rule.statuses?.[signal.httpStatus] ?? 0;
    total += score;
    if (score > best.score) best = { category: rule.category, score };
  }
  if (best.score < 2 && isServerFault(signal)) return { category: 'unknown', confidence: 0.5 };
  return { category: best.category, confidence: total === 0 ? 0 : best.score / total };
}

function isServerFault(signal: FailureSignal): boolean {
  return signal.httpStatus !== null && signal.httpStatus >= 500;
}
