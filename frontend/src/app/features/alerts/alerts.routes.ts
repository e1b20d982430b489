import type { Routes } from '@angular/router';

export const ALERTS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./alerts.page').then((m) => m.AlertsPage) },
];
