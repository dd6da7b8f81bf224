import { type CanActivate, type ExecutionContext, Logger } from '@nestjs/common';
import type { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@alliance/event-sourcing';
import { IS_PUBLIC } from '../auth/auth.decorators';
import type { AuthenticatedActor, Role } from '../context/request-context';
import { MemberStandingSource } from './member-standing-source';

/** Roles that act for their institution; learners, auditors and the alliance's admins read as before. */
const STAFF_ROLES: ReadonlySet<Role> = new Set(['institution-admin', 'registrar']);
const READS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/**
 * A removed member's staff read nothing: every read of a protected route by an institution-admin or registrar
 * whose institution the service knows as `removed` is answered 403 `<service>.member-removed`. Writes are left
 * to the deciders, which refuse them already (and keep the one act open to a removed member: declaring its own
 * key revoked). Suspended members keep reading. Public routes never reach this check.
 *
 * Runs after the bearer token was verified (`JwtAuthGuard` is registered first). The standing comes from the
 * service's `MemberStandingSource`, looked up once across its modules; a removal is final, so it is remembered.
 */
export class RemovedMemberGuard implements CanActivate {
  private source?: MemberStandingSource | null;
  private readonly removed = new Set<string>();
  private readonly logger = new Logger('RemovedMemberGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    private readonly service: string,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<Request & { actor?: AuthenticatedActor }>();
    const institutionId = req.actor?.institution;
    if (!READS.has(req.method) || !institutionId || !STAFF_ROLES.has(req.actor!.role)) return true;
    const source = this.standingSource();
    if (!source) return true;
    if (!this.removed.has(institutionId) && (await source.standingOf(institutionId)) !== 'removed') return true;
    this.removed.add(institutionId);
    throw new DomainError(
      `${this.service}.member-removed`,
      `institution ${institutionId} has been removed from the alliance (standing: removed): its staff can no longer read or act`,
      403,
      undefined,
      { institutionId, memberStatus: 'removed' },
    );
  }

  private standingSource(): MemberStandingSource | undefined {
    if (this.source === undefined) {
      try {
        this.source = this.moduleRef.get(MemberStandingSource, { strict: false });
      } catch {
        this.source = null;
        this.logger.debug(`${this.service} registers no member standing source: reads are not checked against membership`);
      }
    }
    return this.source ?? undefined;
  }
}
