import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AuthService, REFRESH_LEEWAY_MS } from './auth.service';
import { apiError, sessionTokens } from './testing/session.factory';

describe('AuthService', () => {
  let auth: AuthService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    vi.useRealTimers();
  });

  it('starts signed out with no permissions', () => {
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.principal()).toBeUndefined();
    expect(auth.accessToken()).toBeUndefined();
    expect(auth.can('system.read')).toBe(false);
  });

  it('login posts the credentials with cookies allowed and keeps the principal and token in memory', async () => {
    const signedIn = firstValueFrom(auth.login('ada@example.test', 'secret'));
    const request = http.expectOne('/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'ada@example.test', password: 'secret' });
    expect(request.request.withCredentials).toBe(true);
    request.flush(sessionTokens(['technical_admin'], 'access-1'));

    expect((await signedIn).roles).toEqual(['technical_admin']);
    expect(auth.isSignedIn()).toBe(true);
    expect(auth.principal()?.name).toBe('Ada Lovelace');
    expect(auth.accessToken()).toBe('access-1');
    expect(auth.can('system.read')).toBe(true);
    expect(auth.can('users.manage')).toBe(false);
    expect(auth.permissions().has('sources.write')).toBe(true);
  });

  it('never writes the token to web storage', async () => {
    const signedIn = firstValueFrom(auth.login('ada@example.test', 'secret'));
    http.expectOne('/auth/login').flush(sessionTokens(['master_admin'], 'access-secret'));
    await signedIn;
    const stored = [localStorage, sessionStorage].flatMap((storage) =>
      Object.keys(storage).map((key) => storage.getItem(key)),
    );
    expect(stored.some((value) => value?.includes('access-secret'))).toBe(false);
  });

  it('a failed login leaves the user signed out', async () => {
    const signedIn = firstValueFrom(auth.login('ada@example.test', 'wrong'));
    http
      .expectOne('/auth/login')
      .flush(apiError('UNAUTHENTICATED', 'Wrong email or password.'), { status: 401, statusText: 'Unauthorized' });
    await expect(signedIn).rejects.toMatchObject({ status: 401 });
    expect(auth.isSignedIn()).toBe(false);
  });

  it('refresh dedupes concurrent callers into one request and gives each the new session', async () => {
    const first = firstValueFrom(auth.refresh());
    const second = firstValueFrom(auth.refresh());
    const request = http.expectOne('/auth/refresh');
    expect(request.request.withCredentials).toBe(true);
    request.flush(sessionTokens(['master_admin'], 'access-2'));

    expect((await first).accessToken).toBe('access-2');
    expect((await second).accessToken).toBe('access-2');
    expect(auth.accessToken()).toBe('access-2');

    // Once settled, the next refresh is a new request.
    const third = firstValueFrom(auth.refresh());
    http.expectOne('/auth/refresh').flush(sessionTokens(['master_admin'], 'access-3'));
    expect((await third).accessToken).toBe('access-3');
  });

  it('a refresh runs to the end even when its caller stops listening', () => {
    auth.refresh().subscribe().unsubscribe();
    const request = http.expectOne('/auth/refresh');
    expect(request.cancelled).toBe(false);
    request.flush(sessionTokens(['master_admin'], 'access-4'));
    expect(auth.accessToken()).toBe('access-4');
  });

  it('a refresh refused with 401 ends the session', async () => {
    await signIn();
    const refreshed = firstValueFrom(auth.refresh());
    http
      .expectOne('/auth/refresh')
      .flush(apiError('UNAUTHENTICATED', 'Session expired.'), { status: 401, statusText: 'Unauthorized' });
    await expect(refreshed).rejects.toMatchObject({ status: 401 });
    expect(auth.isSignedIn()).toBe(false);
  });

  it('a refresh that cannot reach the server keeps the session it has', async () => {
    await signIn();
    const refreshed = firstValueFrom(auth.refresh());
    http.expectOne('/auth/refresh').error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await expect(refreshed).rejects.toMatchObject({ status: 0 });
    expect(auth.accessToken()).toBe('access-1');
  });

  it('logout tells the server and clears the session', async () => {
    await signIn();
    const signedOut = firstValueFrom(auth.logout(), { defaultValue: undefined });
    const request = http.expectOne('/auth/logout');
    expect(request.request.method).toBe('POST');
    expect(request.request.withCredentials).toBe(true);
    request.flush(null, { status: 204, statusText: 'No Content' });
    await signedOut;
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.accessToken()).toBeUndefined();
    expect(auth.can('system.read')).toBe(false);
  });

  it('logout clears the session even when the server call fails', async () => {
    await signIn();
    const signedOut = firstValueFrom(auth.logout(), { defaultValue: undefined });
    http.expectOne('/auth/logout').flush(apiError('INTERNAL_ERROR', 'boom'), { status: 500, statusText: 'Error' });
    await expect(signedOut).rejects.toMatchObject({ status: 500 });
    expect(auth.isSignedIn()).toBe(false);
  });

  it('restoreSession signs back in from the refresh cookie', async () => {
    const restored = auth.restoreSession();
    http.expectOne('/auth/refresh').flush(sessionTokens(['read_only_viewer'], 'access-5'));
    await restored;
    expect(auth.principal()?.roles).toEqual(['read_only_viewer']);
  });

  it('restoreSession resolves signed out when there is no session', async () => {
    const restored = auth.restoreSession();
    http
      .expectOne('/auth/refresh')
      .flush(apiError('UNAUTHENTICATED', 'No session.'), { status: 401, statusText: 'Unauthorized' });
    await expect(restored).resolves.toBeUndefined();
    expect(auth.isSignedIn()).toBe(false);
  });

  it('refreshes silently a little before the access token expires', async () => {
    vi.useFakeTimers();
    await signIn(900);
    vi.advanceTimersByTime(900_000 - REFRESH_LEEWAY_MS - 1);
    http.expectNone('/auth/refresh');
    vi.advanceTimersByTime(1);
    http.expectOne('/auth/refresh').flush(sessionTokens(['master_admin'], 'access-6'));
    expect(auth.accessToken()).toBe('access-6');
  });

  it('stops the silent refresh after logout', async () => {
    vi.useFakeTimers();
    await signIn(900);
    auth.logout().subscribe({ error: () => undefined });
    http.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    vi.advanceTimersByTime(900_000);
    http.expectNone('/auth/refresh');
  });

  async function signIn(expiresIn = 900): Promise<void> {
    const signedIn = firstValueFrom(auth.login('ada@example.test', 'secret'));
    http.expectOne('/auth/login').flush(sessionTokens(['master_admin'], 'access-1', expiresIn));
    await signedIn;
  }
});
