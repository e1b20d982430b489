import type { Router, UrlTree } from '@angular/router';

export const LOGIN_PATH = '/login';

/**
 * Where to go after signing in. Only a path on this origin is accepted: `//host` and
 * `/\host` are protocol-relative to browsers, and control characters are stripped by
 * URL parsers, so `/\t/host` would become `//host`. Anything doubtful goes home.
 */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/')) return '/';
  if (value.startsWith('//') || value.includes('\\')) return '/';
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return '/';
  // Returning to the login page would show the form again after a successful sign-in.
  if (value === LOGIN_PATH || value.startsWith(`${LOGIN_PATH}?`) || value.startsWith(`${LOGIN_PATH}/`)) return '/';
  return value;
}

/** `/login?returnUrl=<url>`, leaving the return URL out when it would only lead home. */
export function loginUrlTree(router: Router, returnUrl: string): UrlTree {
  const target = safeReturnUrl(returnUrl);
  return router.createUrlTree([LOGIN_PATH], target === '/' ? {} : { queryParams: { returnUrl: target } });
}
