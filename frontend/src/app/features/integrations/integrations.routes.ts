import type { Routes } from '@angular/router';
import { provideCharts } from '../../charts/echarts-setup';

export const INTEGRATIONS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideCharts()],
    children: [
      {
        path: '',
        loadComponent: () => import('./integrations.page').then((m) => m.IntegrationsPage),
      },
      {
        path: ':id',
        title: 'Integration · Switchyard',
        loadComponent: () => import('./integration-detail.page').then((m) => m.IntegrationDetailPage),
      },
    ],
  },
];
