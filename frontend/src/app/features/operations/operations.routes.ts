import type { Routes } from '@angular/router';
import { provideCharts } from '../../charts/echarts-setup';

export const OPERATIONS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideCharts()],
    loadComponent: () => import('./operations.page').then((m) => m.OperationsPage),
  },
];
