import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { LoginRequest, Permission, Principal, SessionTokens, SignOutAnswer } from '@switchyard/contracts';
import { catchError, finalize, firstValueFrom, map, of, shareReplay, tap, timeout, type Observable } from 'rxjs';

/** Refresh this long before the access token expires, so requests never carry a dead token. */
export const REFRESH_LEEWAY_MS = 30_000;
/** The console starts without a session rather than wait longer than this for the refresh answer. */
export const RESTORE_TIMEOUT_MS = 10_000;

interface Session {
  accessToken: string;
  principal: Principal;
}

/**
 * The signed-in user's session. The access token lives in memory only; the refresh token
 * is an httpOnly cookie scoped to /auth that scripts never see, so a reload restores the
 * session through `refresh()`.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly session = signal<Session | undefined>(undefined);
  private refreshing: Observable<SessionTokens> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  readonly principal = computed(() => this.session()?.principal);
  readonly isSignedIn = computed(() => this.session() !== undefined);
  readonly permissions = computed(() => new Set<Permission>(this.session()?.principal.permissions ?? []));

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.refreshTimer));
  }

  accessToken(): string | undefined {
    return this.session()?.accessToken;
  }

  can(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  login(email: string, password: string): Observable<Principal> {
    const body: LoginRequest = { email, password };
    return this.http.post<SessionTokens>('/auth/login', body, { withCredentials: true }).pipe(
      tap((tokens) => this.store(tokens)),
      map((tokens) => tokens.principal),
    );
  }

  /**
   * Trades the refresh cookie for a new access token. Callers that arrive while a refresh
   * is in flight share it: the server rotates the cookie on every refresh, so a second
   * request would present a cookie that is already spent.
   */
  refresh(): Observable<SessionTokens> {
    if (this.refreshing) return this.refreshing;
    const request = this.http.post<SessionTokens>('/auth/refresh', null, { withCredentials: true }).pipe(
      tap({
        next: (tokens) => this.store(tokens),
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 401) this.clear();
        },
      }),
      finalize(() => (this.refreshing = undefined)),
      shareReplay(1),
    );
    this.refreshing = request;
    // Runs to the end even if every caller unsubscribes, so a rotated cookie is never
    // left without the access token that came with it.
    request.subscribe({ error: () => undefined });
    return request;
  }

  /**
   * Signs out on the server (revokes the session, clears the cookie) and forgets it here either
   * way. A single sign-on session may answer the provider's end-session URL, where the browser
   * should go next so the provider's session ends too.
   */
  logout(): Observable<string | undefined> {
    return this.http.post<SignOutAnswer | null>('/auth/logout', null, { withCredentials: true }).pipe(
      map((answer) => answer?.endSessionUrl),
      finalize(() => this.clear()),
    );
  }

  /** Run once at start: a valid refresh cookie signs the user back in; anything else leaves them signed out. */
  restoreSession(): Promise<void> {
    return firstValueFrom(
      this.refresh().pipe(
        timeout(RESTORE_TIMEOUT_MS),
        map(() => undefined),
        catchError(() => of(undefined)),
      ),
    );
  }

  /** Forgets the session locally, e.g. when the server no longer accepts it. */
  clear(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.session.set(undefined);
  }

  private store(tokens: SessionTokens): void {
    this.session.set({ accessToken: tokens.accessToken, principal: tokens.principal });
    this.scheduleRefresh(tokens.expiresIn * 1000);
  }

  private scheduleRefresh(lifetimeMs: number): void {
    clearTimeout(this.refreshTimer);
    // Short-lived tokens refresh at half their life rather than immediately.
    const delay = Math.max(lifetimeMs - REFRESH_LEEWAY_MS, lifetimeMs / 2);
    // A failed silent refresh needs no handling here: a 401 clears the session, and the
    // next API call that is refused sends the user to the login page.
    this.refreshTimer = setTimeout(() => this.refresh(), delay);
  }
}
