import type { Routes } from '@angular/router';

export const SOURCES_ROUTES: Routes = [
  {
    path: '',
    title: 'Sources · Switchyard',
    loadComponent: () => import('./sources-list.page').then((m) => m.SourcesListPage),
  },
  {
    path: ':id',
    title: 'Source · Switchyard',
    loadComponent: () => import('./source-detail.page').then((m) => m.SourceDetailPage),
  },
];
