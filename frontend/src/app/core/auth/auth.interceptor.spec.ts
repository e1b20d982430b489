import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { MockInstance } from 'vitest';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { apiError, sessionTokens } from './testing/session.factory';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

describe('authInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  let auth: AuthService;
  let navigateByUrl: MockInstance<Router['navigateByUrl']>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    const router = TestBed.inject(Router);
    navigateByUrl = vi.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    vi.spyOn(router, 'url', 'get').mockReturnValue('/system?tab=db');
    const signedIn = firstValueFrom(auth.login('ada@example.test', 'secret'));
    http.expectOne('/auth/login').flush(sessionTokens(['master_admin'], 'old-token'));
    await signedIn;
  });

  afterEach(() => http.verify());

  it('adds the bearer token to API calls and /auth/me', () => {
    client.get('/api/v1/system/status').subscribe();
    client.get('/auth/me').subscribe();
    expect(http.expectOne('/api/v1/system/status').request.headers.get('Authorization')).toBe('Bearer old-token');
    expect(http.expectOne('/auth/me').request.headers.get('Authorization')).toBe('Bearer old-token');
  });

  it('does not send the token to other paths or other origins', () => {
    client.get('/health/ready').subscribe();
    client.get('https://elsewhere.example/api/v1/data').subscribe();
    client.post('/auth/refresh', null).subscribe();
    expect(http.expectOne('/health/ready').request.headers.has('Authorization')).toBe(false);
    expect(http.expectOne('https://elsewhere.example/api/v1/data').request.headers.has('Authorization')).toBe(false);
    expect(http.expectOne('/auth/refresh').request.headers.has('Authorization')).toBe(false);
  });

  it('on a 401 from the API refreshes once and retries with the new token', async () => {
    const answer = firstValueFrom(client.get<{ ok: boolean }>('/api/v1/system/status'));
    http.expectOne('/api/v1/system/status').flush(apiError('UNAUTHENTICATED', 'Token expired.'), UNAUTHORIZED);
    http.expectOne('/auth/refresh').flush(sessionTokens(['master_admin'], 'new-token'));
    const retry = http.expectOne('/api/v1/system/status');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new-token');
    retry.flush({ ok: true });
    expect(await answer).toEqual({ ok: true });
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('shares one refresh between API calls refused at the same time', async () => {
    const answers = Promise.all([
      firstValueFrom(client.get('/api/v1/system/status')),
      firstValueFrom(client.get('/api/v1/system/instances')),
    ]);
    http.expectOne('/api/v1/system/status').flush(apiError('UNAUTHENTICATED', 'expired'), UNAUTHORIZED);
    http.expectOne('/api/v1/system/instances').flush(apiError('UNAUTHENTICATED', 'expired'), UNAUTHORIZED);
    http.expectOne('/auth/refresh').flush(sessionTokens(['master_admin'], 'new-token'));
    http.expectOne('/api/v1/system/status').flush({ n: 1 });
    http.expectOne('/api/v1/system/instances').flush({ n: 2 });
    expect(await answers).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('retries only once: a second 401 goes to the caller without another refresh', async () => {
    const answer = firstValueFrom(client.get('/api/v1/system/status'));
    http.expectOne('/api/v1/system/status').flush(apiError('UNAUTHENTICATED', 'expired'), UNAUTHORIZED);
    http.expectOne('/auth/refresh').flush(sessionTokens(['master_admin'], 'new-token'));
    http.expectOne('/api/v1/system/status').flush(apiError('UNAUTHENTICATED', 'still no'), UNAUTHORIZED);
    await expect(answer).rejects.toMatchObject({ status: 401 });
    http.expectNone('/auth/refresh');
  });

  it('after a failed refresh clears the session and opens the login page with the current URL', async () => {
    const answer = firstValueFrom(client.get('/api/v1/system/status'));
    http.expectOne('/api/v1/system/status').flush(apiError('UNAUTHENTICATED', 'expired'), UNAUTHORIZED);
    http.expectOne('/auth/refresh').flush(apiError('UNAUTHENTICATED', 'Session revoked.'), UNAUTHORIZED);
    await expect(answer).rejects.toMatchObject({ status: 401 });
    expect(auth.isSignedIn()).toBe(false);
    expect(navigateByUrl).toHaveBeenCalledTimes(1);
    const [target] = navigateByUrl.mock.calls[0];
    expect(typeof target === 'string' ? target : TestBed.inject(Router).serializeUrl(target)).toBe(
      '/login?returnUrl=%2Fsystem%3Ftab%3Ddb',
    );
  });

  it('leaves 403 and other errors to the caller', async () => {
    const answer = firstValueFrom(client.get('/api/v1/system/status'));
    http
      .expectOne('/api/v1/system/status')
      .flush(apiError('FORBIDDEN', 'Not allowed.'), { status: 403, statusText: 'Forbidden' });
    await expect(answer).rejects.toMatchObject({ status: 403 });
    http.expectNone('/auth/refresh');
    expect(auth.isSignedIn()).toBe(true);
  });

  it('does not refresh on a 401 from the login call itself', async () => {
    const answer = firstValueFrom(client.post('/auth/login', { email: 'x', password: 'y' }));
    http.expectOne('/auth/login').flush(apiError('UNAUTHENTICATED', 'Wrong email or password.'), UNAUTHORIZED);
    await expect(answer).rejects.toMatchObject({ status: 401 });
    http.expectNone('/auth/refresh');
  });
});
