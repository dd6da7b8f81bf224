import {
  Inject,
  Injectable,
  type InjectionToken,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
  type Type,
} from '@nestjs/common';
import { HealthRegistry } from '@alliance/nest-kit';

/** Background work that reports on /health/ready once started. */
export interface BackgroundWork {
  start(health?: HealthRegistry): Promise<void>;
  stop(): Promise<void>;
}

/** What `ReadSideLifecycle` runs, by the tokens the service provides them under. */
export interface ReadSideTokens {
  /** The service's own database (anything with `close`), closed last. */
  database: InjectionToken;
  /** The projection(s) that feed its read models: started before requests are taken. */
  readModel: InjectionToken;
  /** Its messaging (e.g. a `ServiceMessaging`): started once the app is up, stopped first. */
  integration: InjectionToken;
}

export type ReadSideLifecycleType = Type<OnModuleInit & OnApplicationBootstrap & OnModuleDestroy & OnApplicationShutdown>;

/**
 * A provider class that starts and stops a service's background work in order: the read model before
 * requests (module init), the integration once the app is up (bootstrap); the integration then the read
 * model stop before the runtime closes the store and bus (module destroy); the database closes at shutdown.
 *
 *     export class AssessmentLifecycle extends ReadSideLifecycle({ database: ORM, readModel: ResultReadModel, integration: INTEGRATION }) {}
 */
export function ReadSideLifecycle(tokens: ReadSideTokens): ReadSideLifecycleType {
  @Injectable()
  class Lifecycle implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
    constructor(
      @Inject(tokens.database) private readonly database: { close(): Promise<void> },
      @Inject(tokens.integration) private readonly integration: BackgroundWork,
      @Inject(tokens.readModel) private readonly readModel: BackgroundWork,
      @Inject(HealthRegistry) private readonly health: HealthRegistry,
    ) {}

    async onModuleInit(): Promise<void> {
      await this.readModel.start(this.health);
    }

    async onApplicationBootstrap(): Promise<void> {
      await this.integration.start(this.health);
    }

    async onModuleDestroy(): Promise<void> {
      await this.integration.stop();
      await this.readModel.stop();
    }

    async onApplicationShutdown(): Promise<void> {
      await this.database.close();
    }
  }
  return Lifecycle;
}
