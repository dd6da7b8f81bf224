import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, ModuleRef, Reflector } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import type { ServiceConfig } from './config/service-config';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import { readinessPolicy } from './health/projection-health';
import { ParkedEventsController } from './health/parked-events.controller';
import { ClientErrorProblems } from './http/input/client-error-problems';
import { RequestInputInterceptor } from './http/input/request-input.interceptor';
import { PublicRateLimitGuard, publicRateLimitModule } from './http/public-rate-limit';
import { loggingModule } from './logging/logging.module';
import { RemovedMemberGuard } from './membership/removed-member.guard';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

export interface NestKitOptions {
  service: string;
  config: ServiceConfig;
}

/**
 * Cross-cutting pieces every service mounts once: config, logs, auth (and members' standing), request input checks,
 * problem+json errors, health, and the application layer's command and query buses (@nestjs/cqrs).
 */
@Global()
@Module({})
export class NestKitModule {
  static forRoot({ service, config }: NestKitOptions): DynamicModule {
    return {
      module: NestKitModule,
      imports: [loggingModule(service, config), publicRateLimitModule(config), CqrsModule.forRoot()],
      controllers: [HealthController, ParkedEventsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        {
          provide: HealthRegistry,
          useValue: new HealthRegistry(service, readinessPolicy(config), { cacheMs: config.HEALTH_READY_CACHE_MS }),
        },
        { provide: TokenVerifier, useValue: new TokenVerifier(config) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PublicRateLimitGuard },
        // After the token is verified: a removed member's staff read nothing (see MemberStandingSource).
        {
          provide: APP_GUARD,
          useFactory: (reflector: Reflector, moduleRef: ModuleRef) => new RemovedMemberGuard(reflector, moduleRef, service),
          inject: [Reflector, ModuleRef],
        },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        ClientErrorProblems,
        {
          provide: APP_INTERCEPTOR,
          useFactory: (reflector: Reflector) =>
            new RequestInputInterceptor(reflector, {
              maxTextLength: config.HTTP_TEXT_MAX_LENGTH,
              maxParameterLength: 1000,
              maxKeyLength: 200,
            }),
          inject: [Reflector],
        },
      ],
      exports: [SERVICE_CONFIG, HealthRegistry, TokenVerifier],
    };
  }
}
