import type { Routes } from '@angular/router';
import { requirePermission } from '../../core/auth/permission.guard';

export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  {
    path: 'users',
    title: 'Users · Switchyard',
    canMatch: [requirePermission('users.read')],
    loadComponent: () => import('./users.page').then((m) => m.UsersPage),
  },
  {
    path: 'clients',
    title: 'Service clients · Switchyard',
    canMatch: [requirePermission('clients.manage')],
    loadComponent: () => import('./clients.page').then((m) => m.ClientsPage),
  },
  {
    path: 'audit',
    title: 'Audit log · Switchyard',
    canMatch: [requirePermission('audit.read')],
    loadComponent: () => import('./audit.page').then((m) => m.AuditPage),
  },
];
