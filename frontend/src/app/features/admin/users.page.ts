import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ROLES, type Role } from '@switchyard/contracts';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { roleLabel } from '../../core/auth/role-label';
import { formatDateTime } from '../../core/format-number';
import { liveResource } from '../../shared/live-resource';
import { AdminDataService, type UserView } from './admin-data.service';
import { UserFormComponent } from './user-form.component';
import { ListPageComponent } from '../../shared/list-page.component';

/** Users: list; with users.manage also create, change roles, disable and enable. */
@Component({
  selector: 'sy-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ListPageComponent, UserFormComponent],
  templateUrl: './users.page.html',
})
export class UsersPage {
  private readonly admin = inject(AdminDataService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly canManage = inject(AuthService).can('users.manage');
  protected readonly roles = ROLES;
  protected readonly page = signal(1);
  protected readonly users = liveResource({
    params: () => this.page(),
    load: (page) => this.admin.users(page, 25),
    topics: () => [],
  });
  protected readonly editing = signal<string | undefined>(undefined);
  protected readonly draftRoles = signal<Role[]>([]);
  protected readonly message = signal('');
  protected readonly roleLabel = roleLabel;
  protected readonly formatDateTime = formatDateTime;

  protected edit(user: UserView): void {
    this.editing.set(user.id);
    this.draftRoles.set([...user.roles]);
  }

  protected toggleRole(role: Role, on: boolean): void {
    this.draftRoles.update((roles) => (on ? [...roles, role] : roles.filter((r) => r !== role)));
  }

  protected saveRoles(user: UserView): void {
    this.save(user, { roles: this.draftRoles() }, `Roles of ${user.email} saved.`);
  }

  protected setDisabled(user: UserView, disabled: boolean): void {
    this.save(user, { disabled }, `${user.email} ${disabled ? 'disabled' : 'enabled'}.`);
  }

  protected created(email: string): void {
    this.message.set(`${email} created.`);
    this.users.reload();
  }

  private save(user: UserView, change: { roles?: Role[]; disabled?: boolean }, done: string): void {
    this.admin
      .updateUser(user.id, change)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.message.set(done);
          this.editing.set(undefined);
          this.users.reload();
        },
        error: (error: unknown) => this.message.set(`Not saved: ${describeError(error).message}`),
      });
  }
}
