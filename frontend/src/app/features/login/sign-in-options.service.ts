import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SsoProviders } from '@switchyard/contracts';
import { catchError, of, type Observable } from 'rxjs';

/** Password sign-in only: what the login page offers when the options cannot be read. */
const PASSWORD_ONLY: SsoProviders = { localLoginEnabled: true, providers: [] };

/** How this installation lets people sign in: password, and the single sign-on providers. */
@Injectable({ providedIn: 'root' })
export class SignInOptionsService {
  private readonly http = inject(HttpClient);

  options(): Observable<SsoProviders> {
    return this.http.get<SsoProviders>('/auth/oidc/providers').pipe(catchError(() => of(PASSWORD_ONLY)));
  }

  /** The provider's sign-in URL, coming back to `returnUrl` (a path of this console) once signed in. */
  loginUrl(loginUrl: string, returnUrl: string): string {
    return returnUrl === '/' ? loginUrl : `${loginUrl}?returnTo=${encodeURIComponent(returnUrl)}`;
  }
}
