import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import type { ServiceConfig } from './config/service-config';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import { PublicRateLimitGuard, publicRateLimitModule } from './http/public-rate-limit';
import { loggingModule } from './logging/logging.module';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

export interface NestKitOptions {
  service: string;
  config: ServiceConfig;
}

/** Cross-cutting pieces every service mounts once: config, logs, auth, problem+json errors, health. */
@Global()
@Module({})
export class NestKitModule {
  static forRoot({ service, config }: NestKitOptions): DynamicModule {
    return {
      module: NestKitModule,
      imports: [loggingModule(service, config), publicRateLimitModule(config)],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: HealthRegistry, useValue: new HealthRegistry(service) },
        { provide: TokenVerifier, useValue: new TokenVerifier(config) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PublicRateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [SERVICE_CONFIG, HealthRegistry, TokenVerifier],
    };
  }
}
