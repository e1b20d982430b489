import { REFRESH_COOKIE } from '@switchyard/contracts';

export interface SsoAttempt {
  /** Where Switchyard's callback sent the browser. */
  location: string;
  /** The session cookie the callback set, when the sign-in succeeded. */
  refreshCookie: string | null;
}

/**
 * Drives a sign-in through the provider the way a browser would (redirects followed by hand,
 * cookies kept per host), typing `login` into the provider's sign-in form.
 */
export async function signInThroughProvider(appBase: string, providerId: string, login: string): Promise<SsoAttempt> {
  const jar = new Map<string, Map<string, string>>();
  const request = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const host = new URL(url).host;
    const cookies = jar.get(host) ?? new Map<string, string>();
    jar.set(host, cookies);
    const headers = new Headers(init.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name.trim());
      else cookies.set(name.trim(), value.join('='));
    }
    return response;
  };
  const follow = (response: Response, from: string) => new URL(response.headers.get('location') ?? '', from).href;

  let url = `${appBase}/auth/oidc/${providerId}/login`;
  let response = await request(url);
  const callbackPrefix = `${appBase}/auth/oidc/${providerId}/callback`;
  for (let hop = 0; hop < 12; hop += 1) {
    if (response.status >= 300 && response.status < 400) {
      url = follow(response, url);
      if (url.startsWith(callbackPrefix)) break;
      response = await request(url);
      continue;
    }
    if (response.status === 200 && url.includes('/interaction/')) {
      response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login }),
      });
      continue;
    }
    throw new Error(`unexpected ${response.status} at ${url}: ${(await response.text()).slice(0, 300)}`);
  }
  const callback = await request(url);
  return {
    location: callback.headers.get('location') ?? '',
    refreshCookie: jar.get(new URL(appBase).host)?.get(REFRESH_COOKIE) ?? null,
  };
}
