import type { Routes } from '@angular/router';
import { provideCharts } from '../../charts/echarts-setup';
import { requirePermission } from '../../core/auth/permission.guard';

export const WORKPLACE_ROUTES: Routes = [
  {
    path: '',
    providers: [provideCharts()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'people' },
      {
        path: 'people',
        title: 'People · Switchyard',
        canMatch: [requirePermission('people.read')],
        loadComponent: () => import('./people.page').then((m) => m.PeoplePage),
      },
      {
        path: 'events',
        title: 'Events · Switchyard',
        canMatch: [requirePermission('events.read')],
        loadComponent: () => import('./events.page').then((m) => m.EventsPage),
      },
      {
        path: 'incidents',
        title: 'Incidents · Switchyard',
        canMatch: [requirePermission('incidents.read')],
        loadComponent: () => import('./incidents.page').then((m) => m.IncidentsPage),
      },
    ],
  },
];
