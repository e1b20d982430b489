import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { apiError, sessionTokens } from '../../core/auth/testing/session.factory';
import type { MockInstance } from 'vitest';
import { LoginPage } from './login.page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let navigateByUrl: MockInstance<Router['navigateByUrl']>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    http.expectOne('/auth/oidc/providers').flush({ localLoginEnabled: true, providers: [] });
    await fixture.whenStable();
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
    vi.useRealTimers();
  });

  const page = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => page().querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
  const submitButton = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;

  function type(label: string, value: string): void {
    const labelElement = Array.from(page().querySelectorAll('label')).find(
      (element) => element.textContent?.trim() === label,
    );
    const input = page().querySelector<HTMLInputElement>(`#${labelElement!.htmlFor}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    page()
      .querySelector('form')!
      .dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  async function signInWith(email: string, password: string): Promise<void> {
    type('Email', email);
    type('Password', password);
    await submit();
  }

  it('labels its fields for password managers and assistive technology', () => {
    const email = page().querySelector<HTMLInputElement>('#login-email')!;
    const password = page().querySelector<HTMLInputElement>('#login-password')!;
    expect(page().querySelector('label[for="login-email"]')?.textContent?.trim()).toBe('Email');
    expect(page().querySelector('label[for="login-password"]')?.textContent?.trim()).toBe('Password');
    expect(email.autocomplete).toBe('username');
    expect(password.autocomplete).toBe('current-password');
    expect(email.required && password.required).toBe(true);
    expect(page().textContent).toContain('demo-password');
  });

  it('asks for both fields before calling the server', async () => {
    await submit();
    const alerts = Array.from(page().querySelectorAll('[role="alert"]')).map((element) => element.textContent?.trim());
    expect(alerts).toEqual(['Enter your email address.', 'Enter your password.']);
    http.expectNone('/auth/login');
  });

  it('disables submit while signing in, then opens the return URL', async () => {
    fixture.componentRef.setInput('returnUrl', '/system?tab=db');
    await signInWith(' ada@example.test ', 'secret');
    expect(submitButton().disabled).toBe(true);
    expect(submitButton().textContent?.trim()).toBe('Signing in…');
    const request = http.expectOne('/auth/login');
    expect(request.request.body).toEqual({ email: 'ada@example.test', password: 'secret' });
    request.flush(sessionTokens(['master_admin']));
    expect(navigateByUrl).toHaveBeenCalledWith('/system?tab=db');
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(true);
  });

  it('ignores a return URL that leaves the console', async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example/phish');
    await signInWith('ada@example.test', 'secret');
    http.expectOne('/auth/login').flush(sessionTokens(['master_admin']));
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it("shows the server's message on 401 and lets the user try again", async () => {
    await signInWith('ada@example.test', 'wrong');
    http
      .expectOne('/auth/login')
      .flush(apiError('UNAUTHENTICATED', 'Wrong email or password.'), { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(byTestId('login-error')).toBe('Wrong email or password.');
    expect(page().querySelector('[data-testid="login-error"]')?.getAttribute('role')).toBe('alert');
    expect(submitButton().disabled).toBe(false);
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('on 429 counts down from retryAfter with submit disabled, then allows another attempt', async () => {
    await signInWith('ada@example.test', 'secret');
    // Fake clocks only from here: the zoneless scheduler behind whenStable() needs real timers.
    vi.useFakeTimers();
    http.expectOne('/auth/login').flush(apiError('RATE_LIMITED', 'Too many sign-in attempts.', { retryAfter: 3 }), {
      status: 429,
      statusText: 'Too Many Requests',
    });
    vi.advanceTimersByTime(0);
    fixture.detectChanges();
    expect(byTestId('login-error')).toContain('Too many sign-in attempts.');
    expect(byTestId('retry-countdown')).toBe('You can try again in 3 s.');
    expect(submitButton().disabled).toBe(true);

    vi.advanceTimersByTime(1000);
    fixture.detectChanges();
    expect(byTestId('retry-countdown')).toBe('You can try again in 2 s.');

    page()
      .querySelector('form')!
      .dispatchEvent(new Event('submit', { cancelable: true }));
    http.expectNone('/auth/login');

    vi.advanceTimersByTime(2000);
    fixture.detectChanges();
    expect(byTestId('retry-countdown')).toBeUndefined();
    expect(byTestId('login-error')).toBeUndefined();
    expect(submitButton().disabled).toBe(false);
  });

  describe('single sign-on', () => {
    async function showWith(options: object, inputs: Record<string, string> = {}): Promise<void> {
      fixture.destroy();
      fixture = TestBed.createComponent(LoginPage);
      for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
      await fixture.whenStable();
      http.expectOne('/auth/oidc/providers').flush(options);
      await fixture.whenStable();
    }
    const corp = { id: 'corp', name: 'Corp SSO', loginUrl: '/auth/oidc/corp/login' };

    it('offers "Sign in with <provider>", coming back to the page the user was sent from', async () => {
      await showWith({ localLoginEnabled: true, providers: [corp] }, { returnUrl: '/people' });
      const link = page().querySelector<HTMLAnchorElement>('[data-testid="sso-corp"]')!;
      expect(link.textContent?.trim()).toBe('Sign in with Corp SSO');
      expect(link.getAttribute('href')).toBe('/auth/oidc/corp/login?returnTo=%2Fpeople');
      expect(page().querySelector('#login-password')).not.toBeNull();
    });

    it('leaves the password form out when password sign-in is off', async () => {
      await showWith({ localLoginEnabled: false, providers: [corp] });
      expect(page().querySelector('form')).toBeNull();
      expect(page().querySelector('[data-testid="sso-corp"]')).not.toBeNull();
    });

    it('says why single sign-on failed', async () => {
      await showWith({ localLoginEnabled: true, providers: [corp] }, { ssoError: 'sign-in was refused' });
      expect(byTestId('sso-error')).toBe('Single sign-on failed: sign-in was refused.');
    });
  });
});
