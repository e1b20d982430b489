import type { Routes } from '@angular/router';

export const ALERTS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./alerts.page').then((m) => m.AlertsPage) },
  {
    path: 'notifications',
    title: 'Notifications · Switchyard',
    loadComponent: () => import('../notifications/notifications.page').then((m) => m.NotificationsPage),
  },
];
