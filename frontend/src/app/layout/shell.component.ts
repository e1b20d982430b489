import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LOGIN_PATH } from '../core/auth/return-url';
import { NAV_SECTIONS, permittedSections } from './nav-items';
import { roleList } from '../core/auth/role-label';
import { ThemeService } from '../core/theme.service';
import { AlertsBellComponent } from './alerts-bell.component';
import { LiveIndicatorComponent } from './live-indicator.component';
import { StackedTablesDirective } from '../shared/stacked-tables';

@Component({
  selector: 'sy-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    LiveIndicatorComponent,
    AlertsBellComponent,
    StackedTablesDirective,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly themes = inject(ThemeService);

  protected readonly principal = this.auth.principal;
  protected readonly sections = computed(() =>
    permittedSections(NAV_SECTIONS, (permission) => this.auth.can(permission)),
  );
  protected readonly roles = computed(() => roleList(this.principal()?.roles));
  protected readonly signingOut = signal(false);
  protected readonly theme = this.themes.theme;
  /** On a phone the navigation (and the account controls) fold behind a Menu button. */
  protected readonly menuOpen = signal(false);

  constructor() {
    // Following a link closes the menu, so the page it opens is what the phone shows.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => this.menuOpen.set(false));
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected toggleTheme(): void {
    this.themes.toggle();
  }

  /** Moves focus as well as the view, so the next Tab continues inside the page. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    document.getElementById('main-content')?.focus();
  }

  protected signOut(): void {
    this.signingOut.set(true);
    // The session is forgotten here even when the server cannot be told, so the login page follows either way.
    this.auth
      .logout()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        // A single sign-on session ends at the provider too, which then sends the browser to the login page.
        next: (endSessionUrl) =>
          endSessionUrl ? window.location.assign(endSessionUrl) : void this.router.navigateByUrl(LOGIN_PATH),
        error: () => void this.router.navigateByUrl(LOGIN_PATH),
      });
  }
}
