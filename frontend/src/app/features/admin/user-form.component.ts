import { ChangeDetectionStrategy, Component, DestroyRef, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ALL_DATA, ROLES, type DataScopes, type Role } from '@switchyard/contracts';
import { describeError } from '../../core/api-error';
import { roleLabel } from '../../core/auth/role-label';
import { AdminDataService } from './admin-data.service';

const NO_DATA: DataScopes = { tenants: [], departments: [], teams: [], portfolios: [] };

/** Create a user: email, name, initial password (12+ characters), roles, and all data or none. */
@Component({
  selector: 'sy-user-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  templateUrl: './user-form.component.html',
  styles: `
    .roles {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 14px;
      border: 0;
      padding: 0;
      margin: 8px 0;
    }
  `,
})
export class UserFormComponent {
  private readonly admin = inject(AdminDataService);
  private readonly destroyRef = inject(DestroyRef);
  readonly created = output<string>();
  protected readonly roles = ROLES;
  protected readonly roleLabel = roleLabel;
  protected email = '';
  protected displayName = '';
  protected password = '';
  protected allData = true;
  protected readonly chosen = signal<Role[]>(['read_only_viewer']);
  protected readonly error = signal('');
  protected readonly saving = signal(false);

  protected toggle(role: Role, on: boolean): void {
    this.chosen.update((roles) => (on ? [...roles, role] : roles.filter((r) => r !== role)));
  }

  protected submit(): void {
    this.saving.set(true);
    this.error.set('');
    this.admin
      .createUser({
        email: this.email,
        displayName: this.displayName,
        password: this.password,
        roles: this.chosen(),
        dataScopes: this.allData ? ALL_DATA : NO_DATA,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (user) => {
          this.saving.set(false);
          this.email = this.displayName = this.password = '';
          this.created.emit(user.email);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.error.set(describeError(error).message);
        },
      });
  }
}
