/** Query parameters whose value is a credential; compared after percent-decoding. */
const SECRET_PARAMS = new Set(['access_token', 'refresh_token', 'id_token', 'client_secret', 'password', 'api_key']);

/**
 * The URL as it may appear in a log line: the value of every credential parameter replaced.
 * Names are percent-decoded first, because the query parser decodes them too: `access%5Ftoken`
 * is read as `access_token` by the route, so it must be redacted as one.
 */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const hashAt = url.indexOf('#', at);
  const query = url.slice(at + 1, hashAt < 0 ? undefined : hashAt);
  const redacted = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      return isSecretName(rawName) && equals >= 0 ? `${rawName}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, at + 1)}${redacted}`;
}

function isSecretName(rawName: string): boolean {
  let name = rawName.replace(/\+/g, ' ');
  try {
    name = decodeURIComponent(name);
  } catch {
    // A malformed escape: judge the name as sent, and also with its escapes dropped.
    name = name.replace(/%[0-9a-f]{0,2}/gi, '');
  }
  // `access_token[]` and `access_token.x` reach the same value in some query parsers.
  const base = name.trim().toLowerCase().split(/[[.]/)[0];
  return SECRET_PARAMS.has(base);
}
