import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { CrmDataService } from './crm-data.service';
import { crmTenant } from './crm-tenant';

/** CRM area: the brand picker and tabs, with the chosen brand in the URL so deep links keep it. */
@Component({
  selector: 'sy-crm-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  templateUrl: './crm-layout.component.html',
  styleUrl: './crm-layout.component.css',
})
export class CrmLayoutComponent {
  private readonly router = inject(Router);
  protected readonly tenants = inject(CrmDataService).tenants;
  /** `?tenant=`, bound by the router. */
  readonly tenant = input<string>();
  protected readonly brand = crmTenant(this.tenant);
  protected readonly tabs = [
    { path: 'leads', label: 'Leads' },
    { path: 'pipeline', label: 'Pipeline' },
    { path: 'hot-list', label: 'Hot list' },
    { path: 'notes', label: 'Notes' },
    { path: 'schedule', label: 'Schedule' },
  ];

  protected choose(tenant: string): void {
    void this.router.navigate([], { queryParams: { tenant }, queryParamsHandling: 'merge' });
  }
}
