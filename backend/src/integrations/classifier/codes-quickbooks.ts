import { auth, family, invalid, mismatch, throttled, transient, type CodeTable } from './code-verdict';

/**
 * QuickBooks Online Fault types and error codes (developer.intuit.com "Error codes" and
 * "Fix common QuickBooks Online Accounting API errors"). Codes are read with leading zeros
 * removed (`003200` is `3200`).
 */
export const QUICKBOOKS: CodeTable = {
  authenticationfault: auth(),
  authorizationfault: auth(),
  validationfault: family(invalid()),
  systemfault: transient(
    'QuickBooks had an internal error (SystemFault).',
    'Retry later; if it persists, send Intuit the intuit_tid.',
  ),
  throttleexceeded: throttled,
  '120': auth(
    'QuickBooks refused access to this company or feature (AuthorizationFailure, 120): the connected user or subscription lacks access.',
    'Have a company admin reconnect QuickBooks, or check the subscription and the user’s access rights.',
  ),
  '3100': auth(
    'The app is not authorized for this company (ApplicationAuthorizationFailed, 3100).',
    'Reconnect QuickBooks.',
  ),
  '3200': auth(
    'QuickBooks refused the access token (AuthenticationFailed, 3200): it expired or the connection was revoked.',
    'Refresh the token; if the refresh fails, reconnect QuickBooks.',
  ),
  '5020': auth(
    'The company’s QuickBooks plan does not include this feature (5020).',
    'Upgrade the QuickBooks plan or stop syncing this record type.',
  ),
  '6190': auth(
    'The QuickBooks subscription has ended or the company is not in good standing (6190).',
    'Ask the company admin to reactivate the QuickBooks subscription.',
  ),
  '3001': throttled,
  '3002': throttled,
  '3003': throttled,
  // malformed or incomplete requests
  '500': invalid(
    'QuickBooks could not read the request (Unsupported Operation, 500), usually a non-UTF-8 payload.',
    'Send the payload UTF-8 encoded.',
  ),
  '900': invalid(),
  '1040': invalid('The batch is larger than QuickBooks allows (1040).', 'Split the batch.'),
  '2010': invalid(),
  '2020': invalid('A required field is missing (2020).', 'Fill in the field named in the error and resend.'),
  '2030': invalid(),
  '2040': invalid(),
  '2050': invalid('A text field is longer than QuickBooks allows (2050).', 'Shorten the field and resend.'),
  '2060': invalid(),
  '2070': invalid(),
  '2080': invalid(),
  '2090': invalid(),
  '2100': invalid(),
  '2110': invalid(),
  '2120': invalid(),
  '2130': invalid(),
  '2140': invalid(),
  '2150': invalid(),
  '2160': invalid(),
  '2170': invalid('A field holds a value outside its enumeration (2170).', 'Use one of the documented values.'),
  '2210': invalid('An email address is malformed (2210).', 'Correct the email address.'),
  '4000': invalid('QuickBooks could not parse the query (4000).'),
  '5000': invalid('The request uses a deprecated field (5000).'),
  '5030': invalid(),
  '6010': invalid(),
  '6020': invalid(),
  '6030': invalid(),
  '6060': invalid(),
  '6070': invalid('A line amount is not quantity times unit price (6070).', 'Recompute the line amounts.'),
  '6080': invalid(),
  '6090': invalid(),
  '6100': invalid(),
  '6560': invalid('The transaction has no customer reference (6560).', 'Map the customer and resend.'),
  // a catch-all whose Detail says what was wrong: the text decides when it names a cause
  '6000': family(invalid('QuickBooks rejected the transaction on a business rule (6000).')),
  // conflicts with what QuickBooks already holds
  '600': mismatch('A request with this request id was already processed (600).'),
  '610': mismatch('A referenced record is inactive or deleted (Object Not Found, 610).'),
  '620': mismatch('The transactions to link belong to different customers or vendors, or one is inactive (620).'),
  '630': mismatch('A record with these properties already exists (Duplicate Object, 630).'),
  '700': mismatch('The parent record referenced is not valid (700).'),
  '800': mismatch('The record cannot be deleted while other records depend on it (800).'),
  '2500': mismatch('A referenced id does not exist or is inactive (Invalid Reference Id, 2500).'),
  '5010': mismatch(
    'The record changed in QuickBooks since we read it (Stale Object, 5010).',
    'Re-read the record to get its current SyncToken, then resend the update.',
  ),
  '6110': mismatch(),
  '6140': mismatch(
    'The document number is already used in QuickBooks (Duplicate Document Number, 6140).',
    'Give the document a new number or update the existing one instead of creating it.',
  ),
  '6210': mismatch(
    'The accounting period is closed (6210).',
    'Post in an open period or ask the accountant to reopen the period.',
  ),
  '6240': mismatch('An entity with that name already exists (6240).', 'Link to the existing record or rename.'),
  '6540': mismatch(
    'The transaction has been deposited and cannot be changed (6540).',
    'Remove it from the deposit in QuickBooks first, or leave it unchanged.',
  ),
  '10000': transient(),
};
