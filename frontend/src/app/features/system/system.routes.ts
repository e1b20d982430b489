import type { Routes } from '@angular/router';
import { SystemStatusPage } from './system-status.page';

export const SYSTEM_ROUTES: Routes = [{ path: '', component: SystemStatusPage }];
