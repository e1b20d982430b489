import type { Routes } from '@angular/router';
import { requirePermission, requireSignIn } from './core/auth/permission.guard';
import { homeRedirect } from './layout/home-redirect';
import { ShellComponent } from './layout/shell.component';

/**
 * Feature areas load lazily; each owns its routes file, whose pages check the same
 * permission as their nav item (layout/nav-items.ts). The login page stands alone;
 * everything else sits in the shell and needs a signed-in user. New areas (operations,
 * alerts, integrations) add one entry here and one nav section.
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
        path: 'overview',
        title: 'Overview · Switchyard',
        canMatch: [requirePermission('dashboard.read')],
        loadChildren: () => import('./features/overview/overview.routes').then((m) => m.OVERVIEW_ROUTES),
      },
      {
        path: 'portfolio',
        loadChildren: () => import('./features/portfolio/portfolio.routes').then((m) => m.PORTFOLIO_ROUTES),
      },
      {
        path: 'workplace',
        loadChildren: () => import('./features/workplace/workplace.routes').then((m) => m.WORKPLACE_ROUTES),
      },
      {
        path: 'crm',
        canMatch: [requirePermission('crm.read')],
        loadChildren: () => import('./features/crm/crm.routes').then((m) => m.CRM_ROUTES),
      },
      {
        path: 'sources',
        canMatch: [requirePermission('sources.read')],
        loadChildren: () => import('./features/sources/sources.routes').then((m) => m.SOURCES_ROUTES),
      },
      {
        path: 'operations',
        title: 'Operations · Switchyard',
        canMatch: [requirePermission('ops.read')],
        loadChildren: () => import('./features/operations/operations.routes').then((m) => m.OPERATIONS_ROUTES),
      },
      {
        path: 'alerts',
        title: 'Alerts · Switchyard',
        canMatch: [requirePermission('alerts.read')],
        loadChildren: () => import('./features/alerts/alerts.routes').then((m) => m.ALERTS_ROUTES),
      },
      {
        path: 'integrations',
        title: 'Integrations · Switchyard',
        canMatch: [requirePermission('integrations.read')],
        loadChildren: () => import('./features/integrations/integrations.routes').then((m) => m.INTEGRATIONS_ROUTES),
      },
      {
        path: 'admin',
        loadChildren: () => import('./features/admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
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
