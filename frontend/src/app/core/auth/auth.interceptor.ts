import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthService } from './auth.service';
import { LOGIN_PATH, loginUrlTree } from './return-url';

/**
 * Sends the access token to the API, and on a 401 from it refreshes the session once and
 * retries. The retry goes straight to the next handler, so a second 401 is the caller's
 * error and can never start another refresh. A failed refresh ends the session and opens
 * the login page, which comes back to where the user was.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const path = sameOriginPath(request.url);
  if (path === undefined || !needsToken(path)) return next(request);
  const auth = inject(AuthService);
  const router = inject(Router);
  const sentToken = auth.accessToken();
  return next(withToken(request, sentToken)).pipe(
    catchError((error: unknown) => {
      if (!path.startsWith('/api/') || !(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      const current = auth.accessToken();
      // Another request refreshed the session while this one was out: retry with its token.
      if (current !== undefined && current !== sentToken) return next(withToken(request, current));
      return auth.refresh().pipe(
        catchError(() => {
          auth.clear();
          if (!isOnLoginPage(router.url)) void router.navigateByUrl(loginUrlTree(router, router.url));
          return throwError(() => error);
        }),
        switchMap(() => next(withToken(request, auth.accessToken()))),
      );
    }),
  );
};

function needsToken(path: string): boolean {
  return path.startsWith('/api/') || path === '/auth/me';
}

/** The path of a request to this origin; undefined for other origins, which never get the token. */
function sameOriginPath(url: string): string | undefined {
  let path: string;
  if (url.startsWith('/') && !url.startsWith('//')) {
    path = url;
  } else if (url.startsWith(`${location.origin}/`)) {
    path = url.slice(location.origin.length);
  } else {
    return undefined;
  }
  return path.split(/[?#]/, 1)[0];
}

function withToken<T>(request: HttpRequest<T>, token: string | undefined): HttpRequest<T> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

function isOnLoginPage(url: string): boolean {
  return url === LOGIN_PATH || url.startsWith(`${LOGIN_PATH}?`);
}
