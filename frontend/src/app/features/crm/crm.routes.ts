import type { Routes } from '@angular/router';
import { provideCharts } from '../../charts/echarts-setup';
import { CrmLayoutComponent } from './crm-layout.component';

/** The whole area needs crm.read (the app routes check it); the brand is `?tenant=`. */
export const CRM_ROUTES: Routes = [
  {
    path: '',
    component: CrmLayoutComponent,
    providers: [provideCharts()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'leads' },
      {
        path: 'leads',
        title: 'Leads · Switchyard',
        loadComponent: () => import('./leads.page').then((m) => m.LeadsPage),
      },
      {
        path: 'pipeline',
        title: 'Pipeline · Switchyard',
        loadComponent: () => import('./pipeline.page').then((m) => m.PipelinePage),
      },
      {
        path: 'hot-list',
        title: 'Hot list · Switchyard',
        loadComponent: () => import('./hot-list.page').then((m) => m.HotListPage),
      },
      {
        path: 'notes',
        title: 'Notes · Switchyard',
        loadComponent: () => import('./notes.page').then((m) => m.NotesPage),
      },
      {
        path: 'schedule',
        title: 'Schedule · Switchyard',
        loadComponent: () => import('./schedule.page').then((m) => m.SchedulePage),
      },
    ],
  },
];
