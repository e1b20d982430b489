import type { Routes } from '@angular/router';
import { provideCharts } from '../../charts/echarts-setup';
import { requirePermission } from '../../core/auth/permission.guard';

/** Each page checks the permission of its nav item and API route. */
export const PORTFOLIO_ROUTES: Routes = [
  {
    path: '',
    providers: [provideCharts()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'projects' },
      {
        path: 'projects',
        title: 'Projects · Switchyard',
        canMatch: [requirePermission('projects.read')],
        loadComponent: () => import('./projects.page').then((m) => m.ProjectsPage),
      },
      {
        path: 'projects/:id',
        title: 'Project · Switchyard',
        canMatch: [requirePermission('projects.read')],
        loadComponent: () => import('./project-detail.page').then((m) => m.ProjectDetailPage),
      },
      {
        path: 'financials',
        title: 'Financials · Switchyard',
        canMatch: [requirePermission('financials.read')],
        loadComponent: () => import('./financials.page').then((m) => m.FinancialsPage),
      },
      {
        path: 'risks',
        title: 'Risks · Switchyard',
        canMatch: [requirePermission('risks.read')],
        loadComponent: () => import('./risks.page').then((m) => m.RisksPage),
      },
    ],
  },
];
