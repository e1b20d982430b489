import { auth, family, invalid, mismatch, transient, violation, type CodeTable } from './code-verdict';

/**
 * Gusto error `category` values (docs.gusto.com "Error Categories"), payroll blocker keys
 * (`metadata.key` of a `payroll_blocker` error, "Payroll Blockers") and the webhook event types
 * that report failures.
 */
export const GUSTO: CodeTable = {
  // error categories
  invalid_attribute_value: invalid(),
  invalid_attribute: invalid(),
  invalid_operation: mismatch(
    'Gusto refused the operation in the record’s current state (invalid_operation).',
    'Check the record’s status in Gusto (processed, submitted, cancelled) and create a new record or correction instead.',
  ),
  duplicate_operation: mismatch('The record already exists in Gusto (duplicate_operation).'),
  not_found: mismatch(),
  invalid_resource_version: mismatch(
    'The record changed in Gusto since we read it (outdated version).',
    'Re-read the record to get its current version, then resend the update.',
  ),
  internal_error: transient(),
  deprecated_endpoint: invalid(),
  invalid_api_version: invalid(),
  invalid_application_setup: auth(),
  rate_limited: { category: 'rate_limit', retryable: true },
  // payroll blockers: the category names the family, the key names the cause
  payroll_blocker: family(
    mismatch(
      'Gusto blocks this payroll until a setup or verification step is completed.',
      'Open the payroll blockers for the company in Gusto and clear each one.',
    ),
  ),
  geocode_error: invalid('An address could not be verified.', 'Correct the company or employee address in Gusto.'),
  geocode_needed: invalid('An address has not been verified yet.', 'Complete the company and employee addresses.'),
  missing_bank_info: mismatch('The company has no verified bank account.', 'Add and verify the bank account in Gusto.'),
  missing_addresses: mismatch(),
  missing_signatory: mismatch('The company has no signatory.', 'Add a signatory authorized to sign for the company.'),
  missing_employee_setup: mismatch(),
  missing_federal_tax_setup: mismatch(),
  missing_state_tax_setup: mismatch(),
  missing_industry_selection: mismatch(),
  missing_pay_schedule: mismatch(),
  pay_schedule_setup_not_complete: mismatch('Some employees have no pay schedule.', 'Assign a pay schedule to them.'),
  needs_onboarding: mismatch(),
  needs_approval: mismatch('Gusto has not approved the company to run payroll yet.'),
  suspended: mismatch('The company is suspended in Gusto and cannot run payroll.'),
  pending_recovery_case: mismatch('A failed debit is open as a recovery case and must be settled first.'),
  invalid_signatory: violation(
    'The signatory’s identity could not be verified (name, SSN or birth date do not match SSA records).',
    'Have the signatory correct their details or pass identity verification in Gusto.',
  ),
  pending_information_request: violation(
    'Gusto asked the company for information (risk or KYC review) and blocks payroll until it is answered.',
    'Answer the information request in Gusto.',
  ),
  pending_payroll_review: violation('Gusto is reviewing the company or payroll before money moves.'),
  eftps_in_error: violation(
    'Gusto could not make federal tax payments through EFTPS.',
    'Contact Gusto support to resolve the federal tax payment enrolment.',
  ),
  // webhook event types that report a failure
  'payroll.processing_failed': transient(
    'Gusto could not process the payroll (an async calculation or submission failed).',
    'Read the payroll’s blockers and errors from Gusto, fix them, then resubmit the payroll.',
  ),
  'payroll.reversed': mismatch('Gusto reversed the payroll debit (usually the company bank refused it).'),
  'payroll.partially_reversed': mismatch(),
  'contractor_payment.reversed': mismatch(),
  'notification.bank_error.created': mismatch(),
  'notification.recovery_case.created': mismatch(),
  'notification.invalid_signatory.created': violation(),
  'notification.information_request.created': violation(),
};
