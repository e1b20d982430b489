import type { Routes } from '@angular/router';
import { provideCharts } from '../../charts/echarts-setup';
import { requirePermission } from '../../core/auth/permission.guard';

/** Fixed paths come before `:id`, which would otherwise take them as source ids. */
export const SOURCES_ROUTES: Routes = [
  {
    path: '',
    title: 'Sources · Switchyard',
    loadComponent: () => import('./sources-list.page').then((m) => m.SourcesListPage),
  },
  {
    path: 'new',
    title: 'New source · Switchyard',
    canMatch: [requirePermission('sources.write')],
    loadComponent: () => import('./source-form/source-form.page').then((m) => m.SourceFormPage),
  },
  {
    path: 'connectors',
    title: 'Connectors · Switchyard',
    loadComponent: () => import('./connectors/connectors.page').then((m) => m.ConnectorsPage),
  },
  {
    path: 'connectors/new',
    title: 'New connector · Switchyard',
    canMatch: [requirePermission('sources.write')],
    loadComponent: () => import('./connectors/connector-editor.page').then((m) => m.ConnectorEditorPage),
  },
  {
    path: 'connectors/:connectorId',
    title: 'Connector · Switchyard',
    loadComponent: () => import('./connectors/connector-editor.page').then((m) => m.ConnectorEditorPage),
  },
  {
    // Credentials belong with the sources that use them; reading them is its own permission.
    path: 'credentials',
    title: 'Credentials · Switchyard',
    canMatch: [requirePermission('credentials.read')],
    loadComponent: () => import('./credentials/credentials.page').then((m) => m.CredentialsPage),
  },
  {
    path: ':id',
    title: 'Source · Switchyard',
    providers: [provideCharts()],
    loadComponent: () => import('./source-detail.page').then((m) => m.SourceDetailPage),
  },
  {
    path: ':id/edit',
    title: 'Edit source · Switchyard',
    canMatch: [requirePermission('sources.write')],
    loadComponent: () => import('./source-form/source-form.page').then((m) => m.SourceFormPage),
  },
];
