import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Role } from '@switchyard/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { sessionTokens } from '../core/auth/testing/session.factory';
import { ShellComponent } from './shell.component';

describe('ShellComponent', () => {
  let fixture: ComponentFixture<ShellComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
  });

  async function renderAs(...roles: Role[]): Promise<HTMLElement> {
    const signedIn = firstValueFrom(TestBed.inject(AuthService).login('ada@example.test', 'demo-password'));
    http.expectOne('/auth/login').flush(sessionTokens(roles));
    await signedIn;
    fixture = TestBed.createComponent(ShellComponent);
    await fixture.whenStable();
    // The top bar's firing-alerts count, for users who may read alerts.
    for (const request of http.match('/api/v1/ops/alerts?state=firing')) request.flush({ items: [] });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const navLinks = (element: HTMLElement) =>
    Array.from(element.querySelectorAll('nav a')).map((link) => link.textContent?.trim());

  it('shows the navigation items the user may open, and who is signed in', async () => {
    const element = await renderAs('technical_admin');
    expect(navLinks(element)).toEqual([
      'Sources',
      'Connectors',
      'Credentials',
      'System status',
      'Operations center',
      'Alerts',
      'Notifications',
      'Integrations',
    ]);
    expect(element.querySelector('[data-testid="firing-alerts"]')?.textContent).toContain('0');
    expect(element.querySelector('[data-testid="user-name"]')?.textContent?.trim()).toBe('Ada Lovelace');
    expect(element.querySelector('[data-testid="user-roles"]')?.textContent?.trim()).toBe('Technical admin');
  });

  it('hides items whose permission the user lacks', async () => {
    const viewer = await renderAs('read_only_viewer');
    expect(navLinks(viewer)).toEqual(['Overview', 'Operations center']);
    expect(viewer.querySelector('[data-testid="firing-alerts"]')).toBeNull();
    fixture.destroy();
    TestBed.inject(AuthService).clear();
    const element = await renderAs();
    expect(navLinks(element)).toEqual([]);
    expect(element.querySelector('nav h2')).toBeNull();
    expect(element.querySelector('[data-testid="nav-empty"]')?.textContent).toContain('No pages are open');
  });

  it('signs out and opens the login page', async () => {
    const element = await renderAs('master_admin');
    const navigateByUrl = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const button = Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Sign out');
    button!.click();
    http.expectOne('/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(navigateByUrl).toHaveBeenCalledWith('/login');
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(false);
    expect(element.querySelector('[data-testid="user-name"]')).toBeNull();
  });
});
