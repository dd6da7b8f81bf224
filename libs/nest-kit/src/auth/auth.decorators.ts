import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { AuthenticatedActor, Role } from '../context/request-context';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';

/** The route is open to anyone (verification, DID documents, status lists, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only callers holding one of these roles may use the route; the OpenAPI operation lists them as `x-roles`. */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension('x-roles', roles));

/** The authenticated caller of the current request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedActor | undefined => {
  return ctx.switchToHttp().getRequest<{ actor?: AuthenticatedActor }>().actor;
});
