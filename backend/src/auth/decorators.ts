import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Permission, Principal } from '@switchyard/contracts';

export const PUBLIC_ROUTE = 'switchyard:public';
export const REQUIRED_PERMISSION = 'switchyard:permission';
export const AUTHENTICATED_ONLY = 'switchyard:authenticated';

/** Open to anyone, signed in or not. Say why in a comment where it is used. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Any signed-in principal, whatever its permissions (e.g. "who am I"). */
export const Authenticated = (): MethodDecorator & ClassDecorator => SetMetadata(AUTHENTICATED_ONLY, true);

/** Signed-in principals holding this permission only. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);

/** The authenticated principal of the request (set by the global guard). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined => {
    const request = context.switchToHttp().getRequest<{ user?: Principal }>();
    return request.user;
  },
);
