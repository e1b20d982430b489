import type { Routes } from '@angular/router';

/** Feature areas load lazily; each owns its routes file. */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'system' },
  {
    path: 'system',
    title: 'System status · Switchyard',
    loadChildren: () => import('./features/system/system.routes').then((m) => m.SYSTEM_ROUTES),
  },
  {
    path: '**',
    title: 'Page not found · Switchyard',
    loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];
