import { isRecord, text, type SenderError } from '../webhook-sender';

export interface StripeOutcome {
  error: SenderError | null;
  facts: Record<string, unknown>;
}

type StripeObject = Record<string, unknown>;

/**
 * Reads success or failure from a Stripe event's object, using the fields Stripe documents
 * for each kind: an Issuing authorization's `approved` and `request_history[].reason`, a
 * PaymentIntent's `last_payment_error` (`type`, `code`, `decline_code`), a charge's
 * `failure_code` and `outcome.reason`, a payout's `failure_code`.
 */
export function stripeOutcome(type: string, object: StripeObject): StripeOutcome {
  if (type.startsWith('issuing_authorization.')) return issuingAuthorization(type, object);
  if (type === 'payment_intent.payment_failed') return paymentError(object.last_payment_error, object);
  if (type === 'charge.failed') return chargeFailure(object);
  if (type === 'payout.failed') return payoutFailure(object);
  return { error: null, facts: amountFacts(object) };
}

function issuingAuthorization(type: string, auth: StripeObject): StripeOutcome {
  const history = Array.isArray(auth.request_history) ? auth.request_history.filter(isRecord) : [];
  const last = history.at(-1);
  const merchant = isRecord(auth.merchant_data) ? auth.merchant_data : {};
  const facts = {
    ...amountFacts(auth),
    authorizationStatus: text(auth.status),
    merchantCategory: text(merchant.category),
    cardId: isRecord(auth.card) ? text(auth.card.id) : text(auth.card),
  };
  // A request event asks us (or Stripe's rules) to decide: it is not yet an outcome.
  const decided = type !== 'issuing_authorization.request' && last !== undefined;
  if (!decided || auth.approved === true || last.approved === true) return { error: null, facts };
  const reason = text(last.reason) ?? 'declined';
  const detail = text(last.reason_message) ?? reason.replace(/_/g, ' ');
  const category = text(merchant.category);
  return {
    error: {
      code: `issuing_authorization_declined/${reason}`,
      message: `Issuing authorization declined (${reason}): ${detail}${category ? ` at a ${category.replace(/_/g, ' ')} merchant` : ''}`,
      httpStatus: null,
    },
    facts,
  };
}

function paymentError(raw: unknown, object: StripeObject): StripeOutcome {
  const facts = amountFacts(object);
  if (!isRecord(raw)) {
    return { error: { code: null, message: 'payment failed without last_payment_error', httpStatus: null }, facts };
  }
  const codes = [text(raw.type), text(raw.code), text(raw.decline_code)].filter((c): c is string => c !== null);
  const requestLog = text(raw.request_log_url);
  return {
    error: {
      code: codes.length > 0 ? codes.join('/') : null,
      message: text(raw.message) ?? codes.join(' ') ?? 'payment failed',
      httpStatus: null,
    },
    facts: { ...facts, ...(requestLog ? { requestLogUrl: requestLog } : {}) },
  };
}

function chargeFailure(charge: StripeObject): StripeOutcome {
  const outcome = isRecord(charge.outcome) ? charge.outcome : {};
  const failureCode = text(charge.failure_code);
  const reason = text(outcome.reason);
  const codes = ['card_error', failureCode, reason !== failureCode ? reason : null].filter(
    (c): c is string => c !== null,
  );
  return {
    error: {
      code: failureCode ? codes.join('/') : null,
      message: text(charge.failure_message) ?? text(outcome.seller_message) ?? 'the charge failed',
      httpStatus: null,
    },
    facts: { ...amountFacts(charge), networkStatus: text(outcome.network_status) },
  };
}

function payoutFailure(payout: StripeObject): StripeOutcome {
  const failureCode = text(payout.failure_code);
  return {
    error: {
      code: failureCode ? `payout_failed/${failureCode}` : 'payout_failed',
      message: text(payout.failure_message) ?? 'the payout failed',
      httpStatus: null,
    },
    facts: amountFacts(payout),
  };
}

function amountFacts(object: StripeObject): Record<string, unknown> {
  return typeof object.amount === 'number' ? { amount: object.amount, currency: text(object.currency) } : {};
}
