import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService } from '../core/auth/auth.service';
import { LOGIN_PATH } from '../core/auth/return-url';
import { NAV_SECTIONS, permittedSections } from './nav-items';
import { roleList } from '../core/auth/role-label';

@Component({
  selector: 'sy-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly principal = this.auth.principal;
  protected readonly sections = computed(() =>
    permittedSections(NAV_SECTIONS, (permission) => this.auth.can(permission)),
  );
  protected readonly roles = computed(() => roleList(this.principal()?.roles));
  protected readonly signingOut = signal(false);

  protected signOut(): void {
    this.signingOut.set(true);
    // The session is forgotten here even when the server cannot be told, so the login page follows either way.
    this.auth
      .logout()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        complete: () => void this.router.navigateByUrl(LOGIN_PATH),
        error: () => void this.router.navigateByUrl(LOGIN_PATH),
      });
  }
}
