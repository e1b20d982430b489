import { ValidationFailedException } from '../errors/domain-exception';

/** Deeper JSON than this is never a real request here; recursive code further on would overflow. */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Refuses, with a 400 naming the problem, a JSON body nested deeper than MAX_JSON_DEPTH or
 * holding a NUL character (`\u0000`), which Postgres cannot store in text or jsonb: left in,
 * it fails deep inside a write as a 5xx, and a webhook sender retries it forever. One linear
 * pass over the raw bytes, before any handler or recursive validator sees the parsed value.
 */
export function assertSafeJsonBody(raw: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) {
        if (isNulEscape(raw, i)) throw refused('must not contain NUL characters (\\u0000)');
        i += 1;
      } else if (byte === QUOTE) {
        inString = false;
      } else if (byte === 0) {
        throw refused('must not contain NUL characters (\\u0000)');
      }
      continue;
    }
    if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) throw refused(`must not nest objects or arrays more than ${MAX_JSON_DEPTH} deep`);
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth -= 1;
  }
}

/** `\u0000` at `at` (the backslash); the hex digits may be upper or lower case, all zero anyway. */
function isNulEscape(raw: Buffer, at: number): boolean {
  return (
    raw[at + 1] === 0x75 && raw[at + 2] === 0x30 && raw[at + 3] === 0x30 && raw[at + 4] === 0x30 && raw[at + 5] === 0x30
  );
}

function refused(message: string): ValidationFailedException {
  return new ValidationFailedException([{ field: '(body)', message: `the JSON body ${message}` }]);
}
