import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthService } from '../../core/auth/auth.service';
import { roleList } from '../../core/auth/role-label';

/** Home for users whose roles open none of the console's pages yet. */
@Component({
  selector: 'sy-welcome-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="sy-card" data-testid="welcome">
      <h1>Welcome to Switchyard</h1>
      @if (principal(); as user) {
        <p>
          Signed in as <strong data-testid="welcome-name">{{ user.name }}</strong>
          @if (user.email) {
            ({{ user.email }})
          }
          with the roles {{ roles() }}.
        </p>
      }
      <p class="sy-muted">
        None of the console's pages are open to these roles yet. Pages appear in the navigation as your roles allow
        them.
      </p>
    </section>
  `,
})
export class WelcomePage {
  protected readonly principal = inject(AuthService).principal;
  protected readonly roles = computed(() => roleList(this.principal()?.roles));
}
