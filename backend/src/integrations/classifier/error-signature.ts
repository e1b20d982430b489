import { createHash } from 'node:crypto';

/**
 * The message of an error with what varies between occurrences taken out (ids, numbers,
 * amounts, dates, emails, quoted values), so one cause groups into one issue.
 */
export function normalizeErrorMessage(message: string): string {
  return message
    .toLowerCase()
    .replace(/\[redacted\]/g, '<pii>')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '<email>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<id>')
    .replace(/\d{4}-\d{2}-\d{2}(t[\d:.]+z?)?/g, '<date>')
    .replace(/"[^"]*"|'[^']*'/g, '<value>')
    .replace(/\b[a-z]{1,6}_[a-z0-9]{6,}\b/g, '<id>')
    .replace(/\b(?=[a-z0-9-]*\d)[a-z0-9]+(?:-[a-z0-9]+)+\b/g, '<id>')
    .replace(/\$?\d[\d,]*(\.\d+)?/g, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Stable key of an issue: integration, category and normalized message. */
export function errorSignature(integration: string, category: string, message: string): string {
  return createHash('sha256')
    .update(`${integration}\n${category}\n${normalizeErrorMessage(message)}`)
    .digest('hex')
    .slice(0, 32);
}
