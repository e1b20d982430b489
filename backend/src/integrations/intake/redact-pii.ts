/**
 * PII redaction for webhook payloads: applied before anything is stored and before any
 * classifier (rules or model) sees the payload. Values are replaced, keys are kept, so
 * an engineer still sees which field was there.
 */
export const REDACTED = '[REDACTED]';

/** Field names whose values are always personal or financial, whatever they contain. */
export const DEFAULT_SENSITIVE_FIELDS = [
  'ssn',
  'social_security_number',
  'socialsecuritynumber',
  'tax_id',
  'taxid',
  'tin',
  'ein',
  'date_of_birth',
  'dateofbirth',
  'dob',
  'birth_date',
  'birthdate',
  'account_number',
  'accountnumber',
  'bank_account',
  'bankaccount',
  'bank_account_number',
  'routing_number',
  'routingnumber',
  'aba',
  'card_number',
  'cardnumber',
  'pan',
  'cvc',
  'cvv',
  'pin',
  'password',
  'secret',
  'token',
  'access_token',
  'refresh_token',
  'api_key',
] as const;

/** SSNs and ITINs written 123-45-6789 or 123 45 6789; a bare nine-digit number needs a label. */
const SSN = /\b\d{3}([- ])\d{2}\1\d{4}\b/g;
const LABELLED_SSN = /\b(ssn|social security(?: number| no\.?)?|itin|tin|tax id)(\s*[:=#]?\s*)(\d{9})\b/gi;
/** 13–19 digits, optionally grouped by spaces or dashes: candidate card numbers, checked with Luhn. */
const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;
/** Dates of birth need a nearby label: a bare date is usually an invoice or pay date. */
const LABELLED_DATE =
  /\b(dob|d\.o\.b\.|date of birth|birth ?date|born)\b(\s*[:=]?\s*)(\d{4}-\d{2}-\d{2}|\d{1,2}[/-]\d{1,2}[/-]\d{2,4})/gi;
/** Bank and routing numbers need a label too, for the same reason. */
const LABELLED_ACCOUNT =
  /\b(account(?: number| no\.?| #)?|acct\.?(?: no\.?| #)?|routing(?: number| no\.?| #)?|aba|iban)(\s*[:=#]?\s*)([A-Z]{2}\d{2}[A-Z0-9]{8,30}|\d[\d -]{4,20}\d)/gi;

export function normalizeFieldName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

/** Redacts PII found inside free text (error messages, notes). */
export function redactText(text: string): string {
  return text
    .replace(LABELLED_DATE, (_m, label: string, sep: string) => `${label}${sep}${REDACTED}`)
    .replace(LABELLED_ACCOUNT, (_m, label: string, sep: string) => `${label}${sep}${REDACTED}`)
    .replace(CARD_CANDIDATE, (match) => (luhnValid(match.replace(/[ -]/g, '')) ? REDACTED : match))
    .replace(LABELLED_SSN, (_m, label: string, sep: string) => `${label}${sep}${REDACTED}`)
    .replace(SSN, REDACTED);
}

export interface RedactionOptions {
  /** Extra field names (any case style) whose values are always redacted. */
  fields: readonly string[];
}

export function sensitiveFieldSet(extra: readonly string[]): Set<string> {
  return new Set([...DEFAULT_SENSITIVE_FIELDS, ...extra].map(normalizeFieldName));
}

/** Returns a deep copy of the value with PII replaced; the input is not changed. */
export function redactPayload<T>(value: T, sensitive: Set<string>): T {
  return redactValue(value, sensitive, false) as T;
}

function redactValue(value: unknown, sensitive: Set<string>, underSensitiveKey: boolean): unknown {
  if (value === null || value === undefined) return value;
  if (underSensitiveKey && (typeof value === 'string' || typeof value === 'number')) return REDACTED;
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number') return Number.isInteger(value) ? numberOrRedacted(value) : value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, sensitive, underSensitiveKey));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      out[key] = redactValue(child, sensitive, underSensitiveKey || sensitive.has(normalizeFieldName(key)));
    }
    return out;
  }
  return value;
}

/** A card number sent as a JSON number is still a card number. */
function numberOrRedacted(value: number): number | string {
  const digits = String(Math.abs(value));
  return digits.length >= 13 && luhnValid(digits) ? REDACTED : value;
}
