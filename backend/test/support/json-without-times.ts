/**
 * The value as JSON with every ISO timestamp blanked out. Tests that check an answer does
 * not carry the upstream's words (an HTTP status such as 503) search this instead of the
 * raw JSON: a timestamp's milliseconds read "503" one time in a thousand.
 */
export const jsonWithoutTimes = (value: unknown): string =>
  JSON.stringify(value).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g, '<time>');
