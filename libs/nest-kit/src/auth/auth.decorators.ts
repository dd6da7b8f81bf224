import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthenticatedActor, Role } from '../context/request-context';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';

/** The route is open to anyone (verification, DID documents, status lists, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only callers holding one of these roles may use the route. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated caller of the current request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedActor | undefined => {
  return ctx.switchToHttp().getRequest<{ actor?: AuthenticatedActor }>().actor;
});
