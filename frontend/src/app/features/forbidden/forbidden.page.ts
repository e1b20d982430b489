import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { roleList } from '../../core/auth/role-label';

/** Where the permission guard sends signed-in users who may not open a page. */
@Component({
  selector: 'sy-forbidden-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section class="sy-card" data-testid="forbidden">
      <h1>Not permitted</h1>
      @if (permission(); as needed) {
        <p>
          This page needs the <code data-testid="missing-permission">{{ needed }}</code> permission, which your roles
          ({{ roles() }}) do not grant.
        </p>
      } @else {
        <p>Your roles ({{ roles() }}) do not grant access to this page.</p>
      }
      <p class="sy-muted">If you need it, ask an administrator to give you a role that includes it.</p>
      <a routerLink="/">Go to the console home</a>
    </section>
  `,
})
export class ForbiddenPage {
  /** From the `permission` query parameter set by the guard. */
  readonly permission = input<string>();

  private readonly principal = inject(AuthService).principal;
  protected readonly roles = computed(() => roleList(this.principal()?.roles));
}
