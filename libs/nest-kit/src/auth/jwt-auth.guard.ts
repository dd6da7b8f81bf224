import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { type AuthenticatedActor, type Role, requestContext } from '../context/request-context';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/** Global guard: every route needs a valid bearer token unless marked @Public(); @Roles() narrows it further. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { actor?: AuthenticatedActor }>();
    const header = req.header('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException('A bearer token is required (Authorization: Bearer <jwt>).');
    }
    let actor: AuthenticatedActor;
    try {
      actor = await this.verifier.verify(token);
    } catch (e) {
      if (e instanceof InvalidTokenError) throw new UnauthorizedException(e.message);
      throw e;
    }
    req.actor = actor;
    const ctxStore = requestContext.current();
    if (ctxStore) ctxStore.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new ForbiddenException(`This action requires one of the roles: ${roles.join(', ')}; the token has ${actor.role}.`);
    }
    return true;
  }
}
