import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { isApiErrorResponse } from '@switchyard/contracts';
import { Subject, map, switchMap, takeWhile, timer } from 'rxjs';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { safeReturnUrl } from '../../core/auth/return-url';
import { SignInOptionsService } from './sign-in-options.service';

/** Used when a 429 carries neither `retryAfter` nor a Retry-After header. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;

@Component({
  selector: 'sy-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './login.page.css',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly countdownStart = new Subject<number>();

  private readonly signInOptions = inject(SignInOptionsService);

  /** From the `returnUrl` query parameter: where the user was sent here from. */
  readonly returnUrl = input<string>();
  /** Set by the single sign-on callback when the provider's answer was refused. */
  readonly ssoError = input<string>();

  /** Undefined while loading: the password form waits rather than flash and vanish. */
  protected readonly options = toSignal(this.signInOptions.options());
  protected readonly providers = computed(() =>
    (this.options()?.providers ?? []).map((p) => ({
      ...p,
      href: this.signInOptions.loginUrl(p.loginUrl, safeReturnUrl(this.returnUrl())),
    })),
  );
  protected readonly localLogin = computed(() => this.options()?.localLoginEnabled === true);

  protected readonly email = signal('');
  protected readonly password = signal('');
  /** Field errors show once the user has tried to submit, not while typing the first time. */
  protected readonly attempted = signal(false);
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | undefined>(undefined);
  /** Seconds until the server accepts another attempt, after a 429. */
  protected readonly retryIn = signal(0);

  protected readonly emailError = computed(() =>
    this.attempted() && this.email().trim() === '' ? 'Enter your email address.' : undefined,
  );
  protected readonly passwordError = computed(() =>
    this.attempted() && this.password() === '' ? 'Enter your password.' : undefined,
  );
  protected readonly submitDisabled = computed(() => this.pending() || this.retryIn() > 0);

  constructor() {
    this.countdownStart
      .pipe(
        switchMap((seconds) =>
          timer(0, 1000).pipe(
            map((tick) => seconds - tick),
            takeWhile((left) => left >= 0),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((left) => {
        this.retryIn.set(left);
        // Submitting is blocked while counting down, so the message on screen is still the 429's.
        if (left === 0) this.failure.set(undefined);
      });
  }

  protected onEmail(event: Event): void {
    this.email.set((event.target as HTMLInputElement).value);
  }

  protected onPassword(event: Event): void {
    this.password.set((event.target as HTMLInputElement).value);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.attempted.set(true);
    if (this.submitDisabled() || this.emailError() || this.passwordError()) return;
    this.pending.set(true);
    this.failure.set(undefined);
    this.auth
      .login(this.email().trim(), this.password())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
        error: (error: unknown) => {
          this.pending.set(false);
          this.showFailure(error);
        },
      });
  }

  private showFailure(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status === 429) {
      this.failure.set(describeError(error).message);
      this.countdownStart.next(retryAfterSeconds(error));
      return;
    }
    if (error instanceof HttpErrorResponse && isApiErrorResponse(error.error) && error.error.error.fields?.length) {
      this.failure.set(error.error.error.fields.map((field) => field.message).join(' '));
      return;
    }
    this.failure.set(describeError(error).message);
  }
}

function retryAfterSeconds(error: HttpErrorResponse): number {
  const fromBody = isApiErrorResponse(error.error) ? error.error.error.retryAfter : undefined;
  const fromHeader = Number(error.headers.get('Retry-After'));
  const seconds =
    fromBody ?? (Number.isFinite(fromHeader) && fromHeader > 0 ? fromHeader : DEFAULT_RETRY_AFTER_SECONDS);
  return Math.max(1, Math.ceil(seconds));
}
