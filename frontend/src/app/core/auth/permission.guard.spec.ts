import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type Routes } from '@angular/router';
import type { Role } from '@switchyard/contracts';
import { firstValueFrom } from 'rxjs';
import { homeRedirect } from '../../layout/home-redirect';
import { AuthService } from './auth.service';
import { requirePermission, requireSignIn } from './permission.guard';
import { sessionTokens } from './testing/session.factory';

@Component({ selector: 'sy-test-page', changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class TestPage {}

const ROUTES: Routes = [
  { path: 'login', component: TestPage },
  {
    path: '',
    canActivate: [requireSignIn],
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      { path: 'system', canMatch: [requirePermission('system.read')], component: TestPage },
      { path: 'audit', canActivate: [requirePermission('audit.read')], component: TestPage },
      { path: 'welcome', component: TestPage },
      { path: 'forbidden', component: TestPage },
      { path: '**', component: TestPage },
    ],
  },
];

describe('permission guards', () => {
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideRouter(ROUTES),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    router = TestBed.inject(Router);
  });

  async function signInAs(...roles: Role[]): Promise<void> {
    const signedIn = firstValueFrom(TestBed.inject(AuthService).login(`${roles[0]}@demo.local`, 'demo-password'));
    TestBed.inject(HttpTestingController).expectOne('/auth/login').flush(sessionTokens(roles));
    await signedIn;
  }

  async function open(url: string): Promise<string> {
    await router.navigateByUrl(url);
    return router.url;
  }

  it('sends signed-out users to the login page with the page they asked for', async () => {
    expect(await open('/system')).toBe('/login?returnUrl=%2Fsystem');
    expect(await open('/audit?from=today')).toBe('/login?returnUrl=%2Faudit%3Ffrom%3Dtoday');
    expect(await open('/somewhere/else')).toBe('/login?returnUrl=%2Fsomewhere%2Felse');
  });

  it('sends signed-out users from / to the login page without a return URL', async () => {
    expect(await open('/')).toBe('/login');
  });

  it('lets a user with the permission in', async () => {
    await signInAs('technical_admin');
    expect(await open('/system')).toBe('/system');
  });

  it('shows signed-in users without the permission the not-permitted page naming it', async () => {
    await signInAs('read_only_viewer');
    expect(await open('/system')).toBe('/forbidden?permission=system.read');
    expect(await open('/audit')).toBe('/forbidden?permission=audit.read');
  });

  it('opens / on the first page the user may open', async () => {
    await signInAs('master_admin');
    expect(await open('/')).toBe('/overview');
    TestBed.inject(AuthService).clear();
    await signInAs('compliance_admin');
    expect(await open('/')).toBe('/system');
  });

  it('opens / on the welcome page when no page in the navigation is open to the user', async () => {
    await signInAs();
    expect(await open('/')).toBe('/welcome');
  });
});
