import { type DynamicModule, type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { IS_PUBLIC } from '../auth/auth.decorators';
import type { ServiceConfig } from '../config/service-config';

export const RATE_LIMITED_DETAIL = 'Too many requests from this client; retry after the time in Retry-After.';

/** The per-client request budget of public routes: PUBLIC_RATE_LIMIT_PER_MINUTE per IP address (0 switches it off). */
export function publicRateLimitModule(config: ServiceConfig): DynamicModule {
  return ThrottlerModule.forRoot({
    throttlers: [{ ttl: 60_000, limit: Math.max(config.PUBLIC_RATE_LIMIT_PER_MINUTE, 1) }],
    errorMessage: RATE_LIMITED_DETAIL,
    skipIf: () => config.PUBLIC_RATE_LIMIT_PER_MINUTE === 0,
  });
}

/**
 * Limits requests per client address on routes anyone may call (`@Public()`), answering 429 with Retry-After.
 * Authenticated routes are not counted here; health probes opt out with `@SkipThrottle()`.
 */
@Injectable()
export class PublicRateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return !isPublic;
  }
}
