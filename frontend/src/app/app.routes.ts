import type { Routes } from '@angular/router';
import { requirePermission, requireSignIn } from './core/auth/permission.guard';
import { homeRedirect } from './layout/home-redirect';
import { ShellComponent } from './layout/shell.component';

/**
 * Feature areas load lazily; each owns its routes file. The login page stands alone;
 * everything else sits in the shell and needs a signed-in user.
 */
export const routes: Routes = [
  {
    path: 'login',
    title: 'Sign in · Switchyard',
    loadChildren: () => import('./features/login/login.routes').then((m) => m.LOGIN_ROUTES),
  },
  {
    path: '',
    component: ShellComponent,
    canActivate: [requireSignIn],
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      {
        path: 'system',
        title: 'System status · Switchyard',
        // Same permission as the nav item and the API routes the page calls.
        canMatch: [requirePermission('system.read')],
        loadChildren: () => import('./features/system/system.routes').then((m) => m.SYSTEM_ROUTES),
      },
      {
        path: 'welcome',
        title: 'Welcome · Switchyard',
        loadComponent: () => import('./features/welcome/welcome.page').then((m) => m.WelcomePage),
      },
      {
        path: 'forbidden',
        title: 'Not permitted · Switchyard',
        loadComponent: () => import('./features/forbidden/forbidden.page').then((m) => m.ForbiddenPage),
      },
      {
        path: '**',
        title: 'Page not found · Switchyard',
        loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
