import type { FailureCategory } from '@switchyard/contracts';

/** What a documented vendor code means, when the vendor says. */
export interface CodeVerdict {
  category: FailureCategory;
  /** Set where the vendor documents whether a retry can succeed; otherwise the category decides. */
  retryable?: boolean;
  /** Cause and fix specific to the code, replacing the category's generic wording. */
  cause?: string;
  fix?: string;
  /**
   * A catch-all that names a family of failures rather than a cause (QuickBooks 6000 "business
   * validation error", Gusto `payroll_blocker`, Stripe `card_error`): it decides only when the
   * message does not clearly name another cause.
   */
  generic?: boolean;
  /**
   * A family that says what happened but not why (a card `card_declined` without a decline code,
   * an Issuing decline without a reason): without a cause in the text, the failure is unexplained.
   */
  namesNoCause?: boolean;
}

export type CodeTable = Record<string, CodeVerdict>;

const verdict =
  (category: FailureCategory, retryable: boolean) =>
  (cause?: string, fix?: string): CodeVerdict => ({ category, retryable, cause, fix });

export const auth = verdict('auth', false);
export const decline = verdict('spending_control', false);
export const invalid = verdict('data_validation', false);
export const mismatch = verdict('data_state_mismatch', false);
export const violation = verdict('compliance', false);
/** An upstream fault the vendor documents as passing: unknown cause, worth a retry. */
export const transient = verdict('unknown', true);
export const throttled: CodeVerdict = { category: 'rate_limit', retryable: true };
/** A family code: see {@link CodeVerdict.generic}. */
export const family = (base: CodeVerdict): CodeVerdict => ({ ...base, generic: true });
/** A family that names no cause: see {@link CodeVerdict.namesNoCause}. */
export const outcomeOnly = (base: CodeVerdict): CodeVerdict => ({ ...base, generic: true, namesNoCause: true });
