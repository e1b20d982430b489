import { inject } from '@angular/core';
import type { RedirectFunction } from '@angular/router';
import { AuthService } from '../core/auth/auth.service';
import { LOGIN_PATH } from '../core/auth/return-url';
import { NAV_SECTIONS, permittedSections } from './nav-items';

export const WELCOME_PATH = '/welcome';

/** `/` opens the first page in the navigation the user may open, or the welcome page when there is none. */
export const homeRedirect: RedirectFunction = () => {
  const auth = inject(AuthService);
  if (!auth.isSignedIn()) return LOGIN_PATH;
  const [first] = permittedSections(NAV_SECTIONS, (permission) => auth.can(permission));
  return first?.items[0]?.path ?? WELCOME_PATH;
};
