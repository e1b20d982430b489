import type { FailureCategory, IntegrationId } from '@switchyard/contracts';

/** What a documented vendor code means, when the vendor says. */
export interface CodeVerdict {
  category: FailureCategory;
  /** Set where the vendor documents whether a retry can succeed; otherwise the category decides. */
  retryable?: boolean;
  /** Cause and fix specific to the code, replacing the category's generic wording. */
  cause?: string;
  fix?: string;
}

type CodeTable = Record<string, CodeVerdict>;

const auth = (cause?: string, fix?: string): CodeVerdict => ({ category: 'auth', retryable: false, cause, fix });
const decline = (cause?: string, fix?: string): CodeVerdict => ({
  category: 'spending_control',
  retryable: false,
  cause,
  fix,
});
const invalid = (cause?: string, fix?: string): CodeVerdict => ({
  category: 'data_validation',
  retryable: false,
  cause,
  fix,
});
const mismatch = (cause?: string, fix?: string): CodeVerdict => ({
  category: 'data_state_mismatch',
  retryable: false,
  cause,
  fix,
});
const transient = (cause?: string, fix?: string): CodeVerdict => ({ category: 'unknown', retryable: true, cause, fix });
const throttled: CodeVerdict = { category: 'rate_limit', retryable: true };

/** OAuth 2.0 (RFC 6749 / 6750) error values, whoever sends them. */
const OAUTH: CodeTable = {
  invalid_grant: auth(
    'The refresh token or authorization grant is invalid, expired or revoked (RFC 6749 invalid_grant).',
    'Reconnect the integration: an admin signs in again to issue a new grant; retrying with the same token cannot work.',
  ),
  invalid_client: auth(
    'The OAuth client id or secret was refused.',
    'Check the app credentials in the integration settings.',
  ),
  unauthorized_client: auth(),
  invalid_token: auth(
    'The access token is expired, revoked or malformed.',
    'Refresh the token; if the refresh fails too, reconnect the integration.',
  ),
  insufficient_scope: auth('The token lacks a scope this call needs.', 'Reconnect granting the missing scope.'),
  invalid_scope: auth(),
  access_denied: auth(),
  unauthorized: auth(),
  forbidden: auth(),
  missing_permissions: auth(),
};

/** Stripe error `type`s, `code`s and card `decline_code`s (docs.stripe.com/error-codes, /declines/codes). */
const STRIPE: CodeTable = {
  // types: the general end of the path
  card_error: decline(),
  api_error: transient('Stripe had a problem on its side (api_error).', 'Retry with the same idempotency key.'),
  api_connection_error: transient(),
  authentication_error: auth(
    'Stripe refused the API key.',
    'Roll or re-enter the restricted API key for this account.',
  ),
  invalid_request_error: invalid(),
  idempotency_error: mismatch('An idempotency key was reused with different parameters.'),
  rate_limit_error: throttled,
  // codes
  rate_limit: throttled,
  // Stripe answers lock contention on an object with 429 lock_timeout and documents it with rate limits.
  lock_timeout: {
    category: 'rate_limit',
    retryable: true,
    cause: 'Another API request or Stripe process was using the same object (lock_timeout).',
    fix: 'Retry with backoff; avoid concurrent updates to the same object.',
  },
  card_declined: decline(),
  expired_card: decline('The card has expired.', 'Issue or ask for a card with a valid expiry date.'),
  incorrect_number: invalid('The card number is wrong.', 'Re-enter the card number.'),
  invalid_number: invalid('The card number is not a valid card number.', 'Re-enter the card number.'),
  incorrect_cvc: invalid('The card security code is wrong.', 'Re-enter the CVC.'),
  invalid_cvc: invalid(),
  invalid_expiry_month: invalid(),
  invalid_expiry_year: invalid(),
  incorrect_zip: invalid(),
  incorrect_pin: invalid(),
  invalid_pin: invalid(),
  processing_error: transient('The card network had a processing error.', 'Try the payment again.'),
  try_again_later: transient(),
  reenter_transaction: transient(),
  issuer_not_available: transient(),
  authentication_required: decline(
    'The issuer requires the cardholder to authenticate (3-D Secure).',
    'Have the cardholder complete authentication, then confirm the payment again.',
  ),
  parameter_missing: invalid(),
  parameter_invalid_empty: invalid(),
  parameter_invalid_integer: invalid(),
  parameter_invalid_string_empty: invalid(),
  parameter_unknown: invalid(),
  amount_too_small: invalid(),
  amount_too_large: invalid(),
  email_invalid: invalid(),
  url_invalid: invalid(),
  country_unsupported: invalid(),
  resource_missing: mismatch('The Stripe object referenced does not exist (or lives in the other mode).'),
  resource_already_exists: mismatch(),
  charge_already_captured: mismatch(),
  charge_already_refunded: mismatch(),
  charge_expired_for_capture: mismatch(),
  payment_intent_unexpected_state: mismatch(),
  idempotency_key_in_use: { category: 'data_state_mismatch', retryable: true },
  api_key_expired: auth(
    'The Stripe API key has expired.',
    'Create a new key in the Dashboard and update the integration.',
  ),
  secret_key_required: auth(),
  testmode_charges_only: auth(),
  livemode_mismatch: auth(),
  balance_insufficient: decline('The Stripe balance cannot cover this.', 'Top up the balance.'),
  insufficient_funds: decline(
    'Not enough funds for this purchase.',
    'Top up the Issuing balance or use another funding source.',
  ),
  // decline codes that are not covered above
  generic_decline: decline(),
  do_not_honor: decline(),
  do_not_try_again: decline(),
  fraudulent: decline(),
  lost_card: decline(),
  stolen_card: decline(),
  pickup_card: decline(),
  restricted_card: decline(),
  card_not_supported: decline(),
  card_velocity_exceeded: decline(
    'The card exceeded a velocity or amount limit.',
    'Raise the limit or wait for it to reset.',
  ),
  withdrawal_count_limit_exceeded: decline(),
  transaction_not_allowed: decline(),
  not_permitted: decline(),
  service_not_allowed: decline(),
  security_violation: decline(),
  merchant_blacklist: decline(),
  call_issuer: decline(),
  currency_not_supported: decline(),
  pin_try_exceeded: decline(),
  // Issuing authorization request_history[].reason
  issuing_authorization_declined: decline(),
  spending_controls: decline(
    'The card or cardholder spending controls (amount limit or merchant category) declined the purchase.',
    'Raise the spending limit or allow the merchant category on the card if the purchase is legitimate.',
  ),
  card_inactive: decline('The card is inactive.', 'Activate the card in the Issuing dashboard.'),
  card_canceled: decline(),
  card_expired: decline(),
  cardholder_inactive: decline('The cardholder is inactive.', 'Reactivate the cardholder.'),
  cardholder_blocked: decline(),
  cardholder_verification_required: decline(),
  account_disabled: decline(
    'The Issuing account is disabled.',
    'Resolve the account requirements in the Stripe Dashboard.',
  ),
  suspected_fraud: decline(),
  verification_failed: decline(),
  pin_blocked: decline(),
  insecure_authorization_method: decline(),
  webhook_declined: decline(
    'Our own authorization webhook declined the purchase (a Switchyard or card-program rule).',
    'Check the rule that declined it in the authorization handler; approve or adjust it if the purchase is legitimate.',
  ),
  webhook_timeout: {
    category: 'unknown',
    retryable: false,
    cause: 'Our authorization webhook did not answer Stripe in time, so the purchase was declined.',
    fix: 'Check the authorization endpoint’s latency and availability; the cardholder can try the purchase again.',
  },
  webhook_error: {
    category: 'unknown',
    retryable: false,
    cause: 'Our authorization webhook answered with an error, so the purchase was declined.',
  },
  // payout.failed failure_code
  payout_failed: mismatch(),
  account_closed: mismatch('The destination bank account is closed.', 'Add a new bank account for payouts.'),
  account_frozen: mismatch(),
  bank_account_restricted: mismatch(),
  bank_ownership_changed: mismatch(),
  no_account: mismatch('No bank account matches the details on file.', 'Check and re-enter the bank account.'),
  debit_not_authorized: mismatch(),
  declined: mismatch(),
  could_not_process: transient(),
  invalid_account_number: invalid(),
  incorrect_account_holder_name: invalid(),
  incorrect_account_holder_address: invalid(),
  incorrect_account_holder_tax_id: invalid(),
  invalid_currency: invalid(),
  unsupported_card: invalid(),
};

/** QuickBooks Online Fault types and error codes (developer.intuit.com error codes). */
const QUICKBOOKS: CodeTable = {
  authenticationfault: auth(),
  authorizationfault: auth(),
  validationfault: invalid(),
  systemfault: transient(
    'QuickBooks had an internal error (SystemFault).',
    'Retry later; if it persists, send Intuit the intuit_tid.',
  ),
  throttleexceeded: throttled,
  '3200': auth(
    'QuickBooks refused the access token (AuthenticationFailed, 3200): it expired or the connection was revoked.',
    'Refresh the token; if the refresh fails, reconnect QuickBooks.',
  ),
  '120': auth(
    'QuickBooks refused access to this company or feature (AuthorizationFailure, 120): the connected user or subscription lacks access.',
    'Have a company admin reconnect QuickBooks, or check the subscription and the user’s access rights.',
  ),
  '3100': auth(
    'The app is not authorized for this company (ApplicationAuthorizationFailed, 3100).',
    'Reconnect QuickBooks.',
  ),
  '3001': throttled,
  '6190': auth(
    'The QuickBooks subscription has ended or the company is not in good standing (6190).',
    'Ask the company admin to reactivate the QuickBooks subscription.',
  ),
  '6000': invalid('QuickBooks rejected the transaction on a business rule (6000).'),
  '2010': invalid(),
  '2020': invalid('A required field is missing (2020).', 'Fill in the field named in the error and resend.'),
  '2030': invalid(),
  '2050': invalid(),
  '6140': mismatch(
    'The document number is already used in QuickBooks (Duplicate Document Number, 6140).',
    'Give the document a new number or update the existing one instead of creating it.',
  ),
  '6240': mismatch('An entity with that name already exists (6240).', 'Link to the existing record or rename.'),
  '5010': mismatch(
    'The record changed in QuickBooks since we read it (Stale Object, 5010).',
    'Re-read the record to get its current SyncToken, then resend the update.',
  ),
  '610': mismatch('A referenced record is inactive or deleted (Object Not Found, 610).'),
  '2500': mismatch('A referenced id does not exist or is inactive (Invalid Reference Id, 2500).'),
  '6210': mismatch(
    'The accounting period is closed (6210).',
    'Post in an open period or ask the accountant to reopen the period.',
  ),
  '10000': transient(),
};

/** Gusto error `category` values, payroll blocker keys and the event types that report failures. */
const GUSTO: CodeTable = {
  invalid_attribute_value: invalid(),
  invalid_attribute: invalid(),
  invalid_operation: mismatch(),
  duplicate_operation: mismatch(),
  not_found: mismatch(),
  internal_error: transient(),
  deprecated_endpoint: invalid(),
  invalid_api_version: invalid(),
  invalid_application_setup: auth(),
  payroll_blocker: mismatch(
    'Gusto blocks this payroll until a setup or verification step is completed.',
    'Open the payroll blockers for the company in Gusto and clear each one.',
  ),
  geocode_error: invalid('An address could not be verified.', 'Correct the company or employee address in Gusto.'),
  geocode_needed: invalid(),
  missing_bank_info: mismatch(),
  missing_addresses: mismatch(),
  missing_signatory: mismatch(),
  missing_employee_setup: mismatch(),
  missing_federal_tax_setup: mismatch(),
  missing_state_tax_setup: mismatch(),
  needs_onboarding: mismatch(),
  invalid_signatory: { category: 'compliance', retryable: false },
  pending_information_request: { category: 'compliance', retryable: false },
  pending_recovery_case: mismatch(),
  'payroll.processing_failed': transient(
    'Gusto could not process the payroll (an async calculation or submission failed).',
    'Read the payroll’s blockers and errors from Gusto, fix them, then resubmit the payroll.',
  ),
  'payroll.reversed': mismatch('Gusto reversed the payroll debit (usually the company bank refused it).'),
  'payroll.partially_reversed': mismatch(),
  'contractor_payment.reversed': mismatch(),
  'notification.bank_error.created': mismatch(),
  'notification.recovery_case.created': mismatch(),
  'notification.invalid_signatory.created': { category: 'compliance', retryable: false },
  'notification.information_request.created': { category: 'compliance', retryable: false },
};

const BY_INTEGRATION: Partial<Record<IntegrationId, CodeTable>> = {
  stripe_issuing: STRIPE,
  quickbooks: QUICKBOOKS,
  gusto: GUSTO,
};

/**
 * Looks a code path up (`type/code/decline_code`, most specific last): the most specific
 * token the integration's vendor documents wins, then OAuth's values. Null when no token
 * is known, and the classifier falls back to the HTTP status and the text.
 */
export function lookUpCode(integration: IntegrationId, code: string | null): CodeVerdict | null {
  if (!code) return null;
  const table = BY_INTEGRATION[integration] ?? {};
  const tokens = code
    .split('/')
    .map((token) =>
      token
        .trim()
        .toLowerCase()
        .replace(/^0+(?=\d)/, ''),
    )
    .filter(Boolean)
    .reverse();
  for (const token of tokens) {
    const hit = Object.hasOwn(table, token) ? table[token] : Object.hasOwn(OAUTH, token) ? OAUTH[token] : null;
    if (hit) return hit;
  }
  return null;
}
