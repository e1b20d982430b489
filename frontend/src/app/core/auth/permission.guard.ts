import { inject } from '@angular/core';
import {
  Router,
  type ActivatedRouteSnapshot,
  type CanActivateFn,
  type CanMatchFn,
  type Route,
  type RouterStateSnapshot,
  type UrlSegment,
  type UrlTree,
} from '@angular/router';
import type { Permission } from '@switchyard/contracts';
import { AuthService } from './auth.service';
import { loginUrlTree } from './return-url';

export const FORBIDDEN_PATH = '/forbidden';

/** Usable as `canMatch` (the feature's code is not even loaded) or as `canActivate`. */
export type AccessGuard = CanMatchFn & CanActivateFn;

/** Signed-out users go to the login page, which brings them back here afterwards. */
export const requireSignIn: AccessGuard = (
  _route: Route | ActivatedRouteSnapshot,
  target: UrlSegment[] | RouterStateSnapshot,
): boolean | UrlTree => inject(AuthService).isSignedIn() || loginUrlTree(inject(Router), attemptedUrl(target));

/**
 * The page needs `permission`: signed-out users sign in first; signed-in users without it
 * see the not-permitted page naming the permission, never a blank screen.
 */
export function requirePermission(permission: Permission): AccessGuard {
  return (_route: Route | ActivatedRouteSnapshot, target: UrlSegment[] | RouterStateSnapshot): boolean | UrlTree => {
    const auth = inject(AuthService);
    const router = inject(Router);
    if (!auth.isSignedIn()) return loginUrlTree(router, attemptedUrl(target));
    if (auth.can(permission)) return true;
    return router.createUrlTree([FORBIDDEN_PATH], { queryParams: { permission } });
  };
}

/**
 * The URL being opened. `canActivate` gets it whole; `canMatch` only gets the segments
 * left to match, so the navigation's own URL (with its query) is preferred there.
 */
function attemptedUrl(target: UrlSegment[] | RouterStateSnapshot): string {
  if (!Array.isArray(target)) return target.url;
  const router = inject(Router);
  const navigation = router.currentNavigation();
  return navigation ? router.serializeUrl(navigation.extractedUrl) : `/${target.map(String).join('/')}`;
}
