import type { IntegrationId } from '@switchyard/contracts';
import { PARAMETER_PATH } from './category-vocabulary';
import { auth, transient, type CodeTable, type CodeVerdict } from './code-verdict';
import { GUSTO } from './codes-gusto';
import { QUICKBOOKS } from './codes-quickbooks';
import { STRIPE } from './codes-stripe';

export type { CodeVerdict } from './code-verdict';

/** OAuth 2.0 (RFC 6749 §5.2 / RFC 6750 §3.1) and OpenID Connect error values, whoever sends them. */
const OAUTH: CodeTable = {
  invalid_grant: auth(
    'The refresh token or authorization grant is invalid, expired or revoked (RFC 6749 invalid_grant).',
    'Reconnect the integration: an admin signs in again to issue a new grant; retrying with the same token cannot work.',
  ),
  invalid_client: auth(
    'The OAuth client id or secret was refused.',
    'Check the app credentials in the integration settings.',
  ),
  unauthorized_client: auth('This OAuth client may not use this grant type.', 'Check the app’s OAuth settings.'),
  unsupported_grant_type: auth(),
  invalid_token: auth(
    'The access token is expired, revoked or malformed.',
    'Refresh the token; if the refresh fails too, reconnect the integration.',
  ),
  insufficient_scope: auth('The token lacks a scope this call needs.', 'Reconnect granting the missing scope.'),
  invalid_scope: auth(),
  access_denied: auth(),
  login_required: auth(),
  consent_required: auth(),
  interaction_required: auth(),
  unauthorized: auth(),
  forbidden: auth(),
  missing_permissions: auth(),
  temporarily_unavailable: transient('The authorization server is temporarily unavailable.'),
  server_error: transient(),
};

const BY_INTEGRATION: Partial<Record<IntegrationId, CodeTable>> = {
  stripe_issuing: STRIPE,
  quickbooks: QUICKBOOKS,
  gusto: GUSTO,
};

function find(integration: IntegrationId, token: string): CodeVerdict | null {
  const table = BY_INTEGRATION[integration] ?? {};
  if (Object.hasOwn(table, token)) return table[token];
  return Object.hasOwn(OAUTH, token) ? OAUTH[token] : null;
}

/** The tokens of a code path (`type/code/decline_code`), most specific first, leading zeros removed. */
function codeTokens(code: string | null): string[] {
  if (!code) return [];
  return code
    .split('/')
    .map((token) =>
      token
        .trim()
        .toLowerCase()
        .replace(/^0+(?=\d)/, ''),
    )
    .filter(Boolean)
    .reverse();
}

/** Machine words inside a message: `snake_case` and dotted values (`reason=spending_controls`, `"error":"invalid_grant"`). */
const MACHINE_WORD = /[a-z][a-z0-9]*(?:[._][a-z0-9]+)+/g;
/** QuickBooks names its error code in the text: `errorCode=003200`, `"code":"6140"`, `AuthorizationFault 120`. */
const QUICKBOOKS_CODE = /(?:\berror ?code\s*[=:#]?|\bcode"?\s*[=:]|fault)\s*"?0*(\d{3,5})\b/g;
const QUICKBOOKS_FAULT = /\b(authenticationfault|authorizationfault|validationfault|systemfault|throttleexceeded)\b/g;

/** The documented codes a message carries in its own text (JSON bodies, `reason=` fields, fault names). */
function messageTokens(integration: IntegrationId, message: string): string[] {
  const text = message.toLowerCase().replace(PARAMETER_PATH, ' ');
  const words = text.match(MACHINE_WORD) ?? [];
  if (integration !== 'quickbooks') return words;
  const numbers = [...text.matchAll(QUICKBOOKS_CODE)].map((match) => match[1]);
  return [...numbers, ...words, ...(text.match(QUICKBOOKS_FAULT) ?? [])];
}

/**
 * Looks a code path up (`type/code/decline_code`, most specific last): the most specific
 * token the integration's vendor documents wins, then OAuth's values. Null when no token
 * is known, and the classifier falls back to the HTTP status and the text.
 */
export function lookUpCode(integration: IntegrationId, code: string | null): CodeVerdict | null {
  for (const token of codeTokens(code)) {
    const hit = find(integration, token);
    if (hit) return hit;
  }
  return null;
}

export interface CodeEvidence {
  /** A documented code that names the cause: it decides. */
  decisive: CodeVerdict | null;
  /** A documented family code (a catch-all): it decides only when the text names no other cause. */
  family: CodeVerdict | null;
}

/**
 * Structured evidence, strongest first: the code field's specific tokens, then documented codes
 * quoted in the message itself (a JSON error body, `reason=…`, a blocker key, `errorCode=…`),
 * and only then a family code from either. The HTTP status never outranks any of them.
 */
export function readCodeEvidence(integration: IntegrationId, code: string | null, message: string): CodeEvidence {
  let family: CodeVerdict | null = null;
  for (const token of [...codeTokens(code), ...messageTokens(integration, message)]) {
    const hit = find(integration, token);
    if (!hit) continue;
    if (!hit.generic) return { decisive: hit, family };
    family ??= hit;
  }
  return { decisive: null, family };
}

/**
 * The part of a code path no table documents (`cost_code_not_found`, `CPR_LATE`): still words
 * the text rules can read. Documented tokens are left out, as they were weighed as codes.
 */
export function undocumentedCode(integration: IntegrationId, code: string | null): string {
  return codeTokens(code)
    .filter((token) => !find(integration, token))
    .join(' ');
}
