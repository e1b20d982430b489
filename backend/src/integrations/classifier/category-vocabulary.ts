import type { FailureCategory, IntegrationId } from '@switchyard/contracts';

export interface CategoryRule {
  category: Exclude<FailureCategory, 'unknown'>;
  /** Wordings that name a cause of this category: each one that matches adds one point. */
  causes: RegExp[];
  /**
   * Words that set the scene without naming a cause ("declined", "certified payroll", "fringe"):
   * a point each, but only next to a cause, so "authorization declined" or "certified payroll
   * upload failed" alone stays unexplained.
   */
  topics?: RegExp[];
  /** HTTP statuses that add points on their own (a prior, not a verdict). */
  statuses?: Partial<Record<number, number>>;
  /** Integrations where this category is the usual meaning of an ambiguous word (one more point). */
  integrations?: IntegrationId[];
}

/**
 * Keyword and status rules per category, written from the vendors' documented vocabularies
 * (Procore error reference, Gusto error categories and payroll blockers, QuickBooks Fault codes,
 * Stripe error and decline codes and Issuing reasons, OAuth 2.0, LCPtracker and WH-347 prevailing
 * wage checks) rather than from any one message. They read the normalised text (see
 * `normaliseFailureText`): lower case, `snake_case` words spelt with spaces. The order breaks
 * ties: the more specific business categories come first.
 */
export const RULES: CategoryRule[] = [
  {
    // Prevailing wage / Davis-Bacon / certified payroll (LCPtracker, WH-347), wage-and-hour law, tax agencies, KYC.
    category: 'compliance',
    causes: [
      /(below|under\b|less than(?! or equal)|lower than|short of|falls? short|short by|shortfall|underpa(id|yment)|not paid)[^.;]{0,60}(wage|rate|determination|fringe|minimum|prevailing|required|schedule|scale)/,
      /\bviolat(ion|es|ed)\b|non-?complian|out of compliance/,
      /(wage|fringe|benefits?|rate paid|pay rate)[^.;]{0,60}(below|under\b|less than(?! or equal)|lower than|short\b|underpa|not paid)(?! (zero|0)\b)|(determination|decision|prevailing wage)[^.;]{0,40}\brequires?\b/,
      /\bpaid \$?\d[^.]{0,80}(prevailing|required|requires|determination|decision|minimum)[\w ]{0,40}(is |of )?\$?\d/,
      // "reported gross $2,132; expected $2,378": pay below what the hours and rate require
      /(reported|paid|recorded) (gross|wages?|pay|total)[^.]{0,30}\bexpected\b[^.;]{0,10}\$?\d/,
      // a legal hourly floor ("must be at least $17·28/hr for the work address")
      /(rate|wage|pay|overtime|\bot\b|double[- ]time)[^.;]{0,20}(at least|no less than|not less than|a minimum of) \$\d[\d,·]*\s*(\/|per )\s*(hr|hour)/,
      /minimum wage|(state|city|local|federal|applicable|county) minimum\b|(does not|doesn't|do not|don't|did not|fails? to) meet (the )?(prevailing|minimum|required|applicable|wage)/,
      /overtime applies|(daily|weekly|seventh[- ]day) overtime|(recorded|reported|paid|entered|coded|logged) as regular (time|hours|pay)|overtime (must|shall) be paid|hours (over|above|in excess of) (40|8)\b|more than (40|8) hours|non-?exempt|not (reported|paid|compensated) at the (overtime|premium|double[- ]time)/,
      /(does not|doesn't) (equal or exceed|meet or exceed)|total (prevailing wage )?package/,
      /(overtime|double[- ]time|premium)[^.;]{0,80}(straight[- ]time|regular (rate|time|pay)|base rate|below|less than|under\b|not paid|unpaid|not at)|straight[- ]time (rate|pay)|paid at (the )?straight|(1[.·]5|time and a half|one and one-half|double time)[^.;]{0,40}(required|not paid)|overtime premium|(no|without|missing) (overtime|premium|double[- ]time) (pay|paid|premium|rate)/,
      /(fringe|benefit plan|plan|program)[^.;]{0,60}not (approved|registered|on file)|credit cannot be (taken|claimed)|not creditable/,
      /apprentice[^.;]{0,80}(more than (permitted|allowed)|too many|exceed\w*|ratio|not (been )?(approved|registered|on file)|registration|unregistered|expired|no (approved|registered)|no [\w ]{0,30}on file)|ratio[^.;]{0,40}(exceed|approved|allowed|limit)|exceed\w*[^.;]{0,30}ratio|apprentices? to \d+ journey|\d+ apprentices? (per|for each|for every) (\d+ )?journey|journey\w*[- ]to[- ]apprentice/,
      /classification[^.;]{0,60}(not (on|in|listed|found)|missing|does not match|doesn't match|no match|has no (wage )?rate)|(does not|doesn't) match any (craft |worker )?classification|missing (the |a )?[\w -]{0,30}classification|not (on|in|listed in) the wage (determination|decision)/,
      /misclassif|classified as (a |an )?(independent )?contractor|wrong (craft|classification)|(lists?|listed|reports?|reported|pays?|paid) (him|her|them|the worker|the employee) as/,
      /(listed|reported|paid|classified|recorded) as (a |an )?[\w ]{1,30}\b(but|while|although|yet) [\w ]{0,30}\b(performed|worked|did|doing|shows?|(was |were )?paid)\b/,
      /overdue|past due|(past|after|beyond|missed) the [\w ]{0,20}(deadline|due date)|deadline (was |has )?(missed|passed)|submitted late|\blate (submission|filing|payroll|cpr|report)|(payroll|cpr|report|submission|filing)s? (is |was )?late\b|\b\d+ (business )?(days?|weeks?) (late|overdue)|outstanding for \d+|(payroll|cpr|report)s? [\w ]{0,20}outstanding|delinquent|\b(is|was|are|were) (\d+ \w+ )?late\b/,
      /(no|missing) (certified )?(payroll|cpr)( records?| reports?)? (was |were |has been |have been )?(received|submitted|filed|on file)|missing (certified )?(cpr|certified payroll)s?\b|no[ -]work[ -]performed/,
      /(payroll|cpr|report)s?\b[^.;]{0,40}(has not been|have not been|was not|were not|not yet) (submitted|received|filed)|\bwas due\b/,
      /(statement of compliance|fringe( benefits?)?|certified payroll( reports?)?|cpr|wh-?347|apprentice\w* (agreement|registration|certificate))( for [\w#' -]{1,30})? (is |are |was |were |has been |have been )?(missing|not (reported|submitted|received|filed|provided))(?! (the|a|an)\b)|(missing|no) (statement of compliance|certified payroll|cpr|wh-?347)\b/,
      /(not|never) (been )?signed|unsigned|no (authori[sz]ed )?signature(?!s? (found )?matching)|signature (is |was )?(missing|required)|missing (the |a )?signature/,
      /may not (perform|bid on|work on) public works?|certificate of insurance|(insurance|license|licence|certificate|certification|registration)( (number|no|#))?( [\w#-]{1,20})? (has |have )?(expired|lapsed)|expired (insurance|license|licence|certificate|certification)/,
      /(withholding|tax) (forms?|certificates?|elections?)\b[^.;]{0,40}(not (been )?(completed|submitted|signed|on file)|missing|required)|(has not|have not|hasn't|haven't|not) (yet )?(completed|submitted|signed) (the |a |an |their |his |her )?[\w -]{0,30}(w-?4|i-?9|withholding|tax form)/,
      /\b1099(-\w+)?\b|\bw-?9\b|\bw-?4\b|tax id[^.;]{0,30}(missing|not on file|required)|no (tax id|tin|ein)\b/,
      /(state|federal|local|payroll) tax (setup|registration|account)[^.;]{0,60}(incomplete|not (been )?complete|missing|required|until|must be completed)|tax registration (is )?(incomplete|required|missing|not complete)/,
      /missing [\w ]{0,30}(employer|tax) account (number|id)|(employer|tax) account (number|id)[^.;]{0,40}\b(is |are )?(missing|required|not on file)/,
      // an hourly floor set by where the work is done: a minimum wage by jurisdiction
      /at least \$[\d,·]+\s*(\/|per )\s*(hr|hour)[^.;]{0,60}\b(work (address|location)|city|county|state|jurisdiction)\b/,
      /(at least|a minimum of|minimum) (one|an?|\d+) apprentice (hours?|per)|apprentice (hours|utili[sz]ation)[^.;]{0,40}(required|requires|below|short|minimum|goal)|requires? at least [\w ]{0,20}apprentice/,
      /(weekly|certified|payroll|compliance) reports?[^.;]{0,60}\b(are|is|be) (not )?on file|until [\w ]{0,40}reports?\b[^.;]{0,60}\b(on file|submitted|received)/,
      /\bi-?9\b|e-?verify|new hire report|wage law|labou?r law|wage and hour|workers'? comp(ensation)?/,
      /(allowed|permitted|required) by (federal |state |local )?law|legal (limit|maximum|minimum|requirement)|statutory|under (the age of )?1[68]\b|minimum age|age requirement/,
      /but only [\d·]+ (hours? )?(were |was )?paid|hours? (worked|reported)[^.;]{0,40}not paid|unpaid (hours|wages|time)/,
      /\b(irs|ssa|social security( administration)?|eftps|tax agenc\w+)\b[^.;]{0,40}(records?|verif\w*|match\w*|reject\w*)|(verified|verify|match) with the (irs|ssa|social security)|(do not|does not|don't|doesn't|did not) match [\w ]{0,30}(irs|ssa|social security)/,
      /(tax (filings?|payments?|deposits?)|eftps|electronic federal tax payment)[^.;]{0,30}(on hold|blocked|suspended|stopped|rejected|failed|in error)|(could not|cannot|unable to) (make|submit|file) [\w ]{0,40}(tax|eftps)/,
      /cardholder verification required|requirements[ .]past due|past due=|verification[ .]document|\bdob\b/,
      /outstanding requirements|requirements?\b[^.;]{0,60}past due|terms acceptance|watchlist|sanctions?\b|\bkyc\b|know your customer|identity verification|information request|under (compliance |kyc )?review/,
      /(additional|more) (documents|information|info)[^.;]{0,40}(verif|review)|verify (the |your )?(business|identity|company|owner)/,
      /(reviewing|review of) [\w ]{0,30}(risk|fraud|compliance|identity)|risk review|needs? [\w ]{0,20}(bank statements|documents|documentation)|(not )?accepted [\w ]{0,30}terms|terms [\w ]{0,20}not (been )?accepted/,
    ],
    topics: [
      /prevailing wage|wage (determination|decision)|davis[- ]bacon|labou?r compliance/,
      /certified (payroll|report)|\bcpr\b|wh-?347|statement of compliance/,
      /fringe|apprentice|journey(man|worker)|(craft|worker|trade|labou?r(er)?) (classification|group)/,
      /signatory|\b(irs|ssa|eftps)\b|federal tax|state tax|tax agenc/,
      /garnishment|child support|\bccpa\b|\bflsa\b|\bosha\b/,
      /overtime|work ?week|double[- ]time/,
    ],
    integrations: ['lcptracker'],
  },
  {
    // Card issuing authorization outcomes (Stripe Issuing request_history reasons, card decline codes).
    category: 'spending_control',
    causes: [
      /spending (limits?|controls?)|spend limit|(daily|weekly|monthly|yearly|per[- ](transaction|authori[sz]ation|purchase)) (spending )?(limit|cap)|amount limit/,
      /merchant categor|\bmcc\b|(blocked|allowed) categor|merchants? [\w ]{0,20}(is |are )?(blocked|not allowed|restricted)|blocked by (your |the )?(card program|spending controls?|card settings)/,
      /\bnsf\b|non-?sufficient funds|(uncollected|unavailable|insufficient) funds|\br0?1\b[^.;]{0,10}insufficient|payment limit|(payroll|payment|transfer|debit|disbursement) (total |amount )?[^.;]{0,30}exceeds? [\w' ]{0,30}\b(limit|threshold)\b/,
      /(balance|credit) limit|available (balance|credit)|insufficient (funds|balance)|balance (is )?(insufficient|too low)|(not enough|no) (available )?(funds|balance)|could not (cover|fund)|cannot cover/,
      /cardholder (is |was |has been )?(inactive|blocked|disabled|suspended)|card (is |was |has been |has )?(canceled|cancelled|inactive|frozen|paused|lost|stolen|expired|blocked|suspended|deactivated|not active)|(canceled|cancelled|inactive|frozen|lost|stolen|expired|blocked) card|(card|cardholder) (has not been|is not|was not|not yet) (yet )?(activated|active)|\bcard\b[^.;]{0,40}\b(is|was|has been) (closed|canceled|cancelled)/,
      /velocity|(over|exceed\w*|above) (the |its |their |a )?[\w$.,'-]{0,20} ?(cap|limit)\b|\bcap of\b/,
      /fraud|risk (controls?|score|rules?)|suspicious/,
      /(cvc|cvv|pin|zip|postal code|3-?d ?secure|3ds) (check |verification )?(failed|mismatch|blocked|incorrect|required)|pin (blocked|locked|retries|tries)|failed (the )?(cvc|cvv|pin|zip|address|avs|3ds|3-?d ?secure) (check|verification)|(card|pin|cvc|cvv|3ds|zip|address) verification (failed|required)|cardholder verification failed|(incorrect|wrong|invalid) (pin|cvc|cvv|security code)/,
      // a decline that states its reason ("declined: …", "declined because …"), unless the reason is an outage
      /^(?!.*\b(timed? ?out|timeout|did not (respond|answer)|unavailable|internal error)).*\b(declin\w*|not approved)\b[^.;]{0,40}?(: |\bbecause\b|\bdue to\b|\bsince\b|\bas (the|it|this|a)\b|—| - )\s*(the |a |an )?\w{3,}/,
      /(reported|marked) (as )?(lost|stolen)|(allowed|blocked) (countries|merchants|categories)|geofence|not allowed (for|on) this card|card does not support|does not support this (currency|type of purchase)/,
    ],
    topics: [
      /\bdeclin|not approved|(purchase|authori[sz]ation|transaction|charge|payment) (was )?(refused|denied|rejected|blocked)/,
    ],
    integrations: ['stripe_issuing'],
  },
  {
    category: 'rate_limit',
    causes: [
      /rate[ -]?limit|ratelimit/,
      /too many (requests|submissions|calls|uploads|connections)/,
      /throttl/,
      /quota|max(imum)? number of (calls|requests)|(calls|requests) allowed|request limit|concurren(t|cy) (requests?|connections?|calls?|limit)|spike limit|(hourly|daily|minute) (limit|quota)/,
      /(usage|api|call|request) limits?\b|\b(hourly|daily) limit|in the last (hour|minute)|accepted again (at|in)/,
      /slow down|retry after|retry-after|try again in (a few|\d+)|back(ing)? off|window (resets?|exhausted)|limit resets?|x-rate-limit/,
      /(requests?|calls|uploads|submissions) per (second|minute|hour|day)|per (second|minute|hour|day) (limit|quota)|limit of \d+ (requests|calls|uploads|submissions)|queue is full/,
    ],
    statuses: { 429: 3 },
  },
  {
    // OAuth 2.0 errors, 401/403 wording, app installs, tools and subscriptions that grant access.
    category: 'auth',
    causes: [
      /unauthori[sz]ed|unauthenticated|authentication ?(failed|failure|error)|login failed|log ?in again|sign in again|re-?authenticat/,
      /token\b.{0,40}(expired|revoked|invalid|no longer valid|not valid|was not included|already (been )?used)|(invalid|expired|revoked) (access |refresh |oauth |bearer )?token|invalid (grant|client)|unauthorized client|authorization grant|authori[sz]ation code [\w ]{0,20}(expired|invalid|already)/,
      /(webhook |payload |request )?signature verification failed|signatures? (found )?matching the expected|(signing|webhook|endpoint) secret/,
      /api key|credentials? (are |is )?(incorrect|invalid|expired|wrong)|invalid credentials|(username|user name|password) (is |are )?(incorrect|invalid|wrong|expired)|invalid (username|user name|password)/,
      /permission|not permitted|forbidden|\bscopes?\b|not been granted|not authori[sz]ed|privilege|(you are|you're|user is) not allowed to/,
      /session (has )?(expired|timed out)|re-?authori[sz]e|reconnect|disconnected|not connected|connection (was |has been )?(revoked|removed)/,
      /authori[sz]ation (failure|failed|error)|(do not|don't|does not|doesn't|no longer) have access|access (is |was )?denied|lacks? (the )?(required )?(access|permission|scope|role)/,
      /app(lication)? [\w' ]{0,40}not (installed|connected|authori[sz]ed)|(was |been )?uninstalled/,
      /(subscription|trial)( period)? [\w ]{0,20}(ended|expired|cancel+ed|lapsed)|billing problem|(key|token|credentials?|user|login) [\w ]{0,20}(deactivated|disabled)|account (is |has been )?locked|locked out/,
      /tool (is )?disabled|tool [\w ]{0,20}not enabled|(plan|subscription|edition|simple start|essentials) does not (support|include)|not (available|supported|included) (in|on|with) (your|this) (plan|subscription|edition)|upgrade (your|the) (plan|subscription)/,
      /(invalid|inactive|suspended) (company|account|subscription) status|not in good standing|(account|company|app|key) is not enabled for|not enabled for (this|your) (account|company)/,
    ],
    topics: [/\b(refresh|access|bearer|oauth) token|api key|credentials?|client (secret|id)|authori[sz]ation code/],
    // A 401 is nearly always about credentials; a 403 also answers locked or archived records.
    statuses: { 401: 3, 403: 1 },
  },
  {
    // The record exists but is in a state that refuses the change: 409, or a 422 that speaks of state.
    category: 'data_state_mismatch',
    causes: [
      /(not found|does not exist|doesn't exist) (for|in|on) (this|the|that) (company|project|account|realm|job|contract)/,
      /not found|no such|does not exist|doesn't exist|has been deleted|was deleted|missing from|could not be (found|located)|cannot be found|no longer (exists|available)/,
      /already (been )?\w+(ed|en)\b|already (exists?|in (use|progress)|taken|paid|closed|open|active|void|using)|duplicate|use a different (name|number)/,
      /stale|another user|(modified|changed|updated) (by another|since)|out of (sync|date)|(version|etag) (conflict|mismatch)|outdated version|latest version|refetch|re-?read|sync ?token|updated at mismatch|at the same time/,
      /period (is |has )?closed|closed (in|period)|(closing|close) date|books (are |have been )?closed|terminat(ed|ion date)|dismissed|not (set up|verified)|has not been verified|not yet (approved|verified|active)/,
      /(can ?not|can'?t|unable to|may not) (be )?(create or )?(modif|edit|chang|updat|delet|cancel|void|reopen|reactivat|submit|run\b|process|certif)\w*|can no longer|no longer (be )?(active|editable)/,
      /(can ?not|can'?t|unable to|may not) \w+ [\w ]{0,40}\b(of|on|for|to) (a|an|the|this) (canceled|cancelled|closed|voided|deleted|archived|inactive|expired|finali[sz]ed|paid|submitted|locked)\b/,
      /(do|does|don't|doesn't) (not )?have (a |an |any )?[\w ]{0,30}(assigned|set up|configured|on file)|(no|without) [\w ]{0,20}(assigned|set up|configured)\b/,
      /invalid reference|references? [\w' -]{0,40}which|referenced [\w ]{0,20}(is |was )?(inactive|deleted|missing)/,
      /\b(is|was|been|are|marked|set|flagged) (now )?(made |as )?(inactive|archived|locked|voided|void|approved|finali[sz]ed|frozen|restricted|closed|reversed|cancel+ed|terminated)\b|(wrong|invalid|current|unexpected) (status|state)|(in|while) (the |its |their )?(status|state) /,
      /locked (record|budget|period|by|for)|(is|was|are) locked\b|read[- ]only/,
      /\bin (\w+ ){1,2}(status|state)\b|\bonly (\w+ ){1,2}(can|may) be (edited|modified|updated|changed|deleted)/,
      /not (assigned|linked|mapped|associated|added) (to|with)|has not been assigned|not (on|in|part of) (the |this |that )?(project|job|company|contract)('s)?\b/,
      /needs? to be (approved|verified|activated|onboarded|set up)|\b(is|are) not (active|enabled|open)\b|onboarding (is )?(not |in)complete|incomplete onboarding|(setup|set up) (is )?(not complete|incomplete)|not (been )?onboarded|transition|must be (in )?(draft|open|pending|active)\b/,
      /bank (account )?(error|closed|frozen|restricted|refused|returned)|bank account (verification|is unverified|not verified)|micro-?deposit|\breversed\b/,
      /overlaps? (with )?(an |the )?(existing|another)|conflicts? with (an |the )?(existing|another)/,
      /debits? (failed|was returned|were returned|reversed|refused)|\bach return|\br\d\d\b/,
      /\b(must|need to|have to) first\b|\bfirst (unlink|unlock|remove|delete|void|reopen|cancel)|\bun(link|lock)\b/,
      /(reached|hit|exceeded) the (maximum|max|limit)( number)? of [\w ]{1,30} (for|per|on) (this|the|each)\b/,
      /(exceeds?|more than|greater than|over) the (remaining|open|available|outstanding|unpaid) (\w+ )?(balance|amount|quantity|budget)|(remaining|open|outstanding) (\w+ )?balance/,
      /(has|have) dependen|still (in use|referenced|linked)|in use by|deposited|reconciled/,
      /\b(pending|awaiting) (verification|approval|activation)|\buntil [\w' -]{0,50}\b(is|are|has been|have been) (confirmed|verified|approved|completed|finished|activated|set up)/,
    ],
    statuses: { 404: 2, 409: 3 },
  },
  {
    category: 'data_validation',
    causes: [
      /required|can'?t be blank|cannot be blank|must (be|not|supply|contain|have|equal|set)|need to supply|should (be|contain|have)/,
      /(?<!(token|key|credentials?|grant|password|secret) (is |was |are )?)invalid(?! (api|reference|token|credentials|grant|client|scope|refresh|company status|account status))|(?<!(password|credentials?|username|user name) (is |are )?)\bincorrect\b|is not valid|not a (valid|number)|malformed|unrecogni[sz]ed|unsupported (property|field|parameter|value|format|operation)|unknown (field|parameter|property|attribute)/,
      /exceeds? (the )?(\d+|max|maximum|allowed)|(maximum|max) (upload |file |request )?size|too large|more than \d+ (decimal|characters|digits)|in the future|out of range|not balanced|(does not|doesn't|must) equal(?! or exceed)|\bformat\b|too (long|short)|(max|min)(imum)? length|string length|between -?\d+ and \d+|(greater|less) than or equal|decimal places/,
      /validation (error|failed)|unprocessable|parameter|\bparam\b/,
      /unexpected (token(?! '?<)|character|end of)|pars(e|ing) error|could not (be )?pars|(invalid|malformed) json|utf-?8|encoding|not (numeric|a number|an integer)|non-?numeric/,
      /\b(cannot|can't|must not|may not) be (before|after|earlier than|later than|prior to)\b/,
      /(week ?ending|week end|end) (date|day)[^.;]{0,40}(falls on|is not|must be|should be)|falls on a \w+day/,
      /address(es)? (could not|cannot|can'?t) be (verified|validated|geocoded)|(unverified|invalid|incomplete) address/,
      /(ensure|make sure|check) (that )?[\w ]{0,30}\b(is|are) (valid|correct|complete)|missing (the |a |an )?[\w-]+( [\w-]+)? (number|date|name|id|field|value|code|ssn|amount)\b/,
    ],
    // 422 is a weak prior: it answers field errors and state conflicts alike, so the text decides.
    statuses: { 400: 1, 413: 2, 422: 1 },
  },
];

/**
 * Vendor boilerplate that names the error family, not its cause: QuickBooks wraps every 6000 in
 * "a business validation error has occurred", Rails APIs (Procore) prefix "Validation failed:",
 * Stripe types most refusals `invalid_request_error` (a bad key and a canceled card alike), and
 * Gusto files field errors under the category `invalid_attribute_value`.
 */
const BOILERPLATE =
  /(a )?business validation error( has occurred)?( while processing your request)?:?|validation failed:|invalid[_ ]request[_ ]error|"?category"?\s*:\s*"?invalid[_ ]attribute[_ ]value"?/g;
/** A request parameter path (`spending_controls[spending_limits][0]`) names a field, not a reason. */
export const PARAMETER_PATH = /[\w.]+(?:\[[\w.]*\])+[\w.]*/g;

/** The text the rules read: lower case, parameter paths and boilerplate out, `snake_case` spelt with spaces. */
export function normaliseFailureText(message: string, code: string | null): string {
  return (
    `${message} ${code ?? ''}`
      .toLowerCase()
      .replace(/[‘’]/g, "'")
      .replace(PARAMETER_PATH, ' parameter ')
      .replace(BOILERPLATE, ' ')
      .replace(/_/g, ' ')
      // A decimal point is not the end of a sentence: "$18.75/hr" stays inside the clause it belongs to.
      .replace(/(\d)\.(\d)/g, '$1·$2')
      // Nor is an initial: "J. Lee" is one name.
      .replace(/\b([a-z])\.(?= [a-z])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * An HTTP status quoted in the text of a failure that carries none of its own ("POST /v1/cards
 * -> 401 {…}", "HTTP 503", "status code 429", "responded with 422").
 */
export function statusInText(message: string): number | null {
  const found =
    /(?:->|=>|\bhttps?\/?\d?(?:\.\d)?|\bstatus(?: code)?|\bresponded with|\breturned)\s*:?\s*([45]\d\d)\b/i.exec(
      message,
    );
  return found ? Number(found[1]) : null;
}
