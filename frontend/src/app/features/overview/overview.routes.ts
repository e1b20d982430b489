import type { Routes } from '@angular/router';
import { provideCharts } from '../../charts/echarts-setup';
import { OverviewPage } from './overview.page';

export const OVERVIEW_ROUTES: Routes = [{ path: '', providers: [provideCharts()], component: OverviewPage }];
