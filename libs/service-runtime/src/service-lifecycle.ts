import {
  Injectable,
  type InjectionToken,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
  type Type,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthRegistry } from '@alliance/nest-kit';

/** Background work that reports on /health/ready once started. */
export interface BackgroundWork {
  start(health?: HealthRegistry): Promise<void> | void;
  stop(): Promise<void> | void;
}

/** What `ServiceLifecycle` runs, by the tokens the service provides them under; each may name one or several. */
export interface ServiceLifecycleTokens {
  /** The projection(s) that feed the read models: started before requests are taken (module init). */
  readModel?: InjectionToken | InjectionToken[];
  /** Relays, consumers, engines, timers: started in this order once the app is up, stopped in reverse. */
  background?: InjectionToken | InjectionToken[];
  /** What holds the service's own database (anything with `close`): closed last, at shutdown. */
  database?: InjectionToken | InjectionToken[];
  /**
   * When the work stops. `module-destroy` (default): before the HTTP server closes. `application-shutdown`: once
   * the server has closed, for services whose requests wait on their background work (read-your-writes through a
   * process manager); either way before the runtime closes the event store and the bus.
   */
  stopAt?: 'module-destroy' | 'application-shutdown';
}

export type ServiceLifecycleType = Type<OnModuleInit & OnApplicationBootstrap & OnModuleDestroy & OnApplicationShutdown>;

const list = (tokens: InjectionToken | InjectionToken[] | undefined): InjectionToken[] =>
  tokens === undefined ? [] : Array.isArray(tokens) ? tokens : [tokens];

/**
 * The one provider class that starts and stops a service's background work, in order: the read model before
 * requests (module init), the other work once the app is up (bootstrap); then the other work in reverse and the
 * read model stop, and the database closes last. `defineContext` builds it from a context's `lifecycle`:
 *
 *     lifecycle: { database: ORM, readModel: ResultReadModel, background: INTEGRATION }
 */
export function ServiceLifecycle(tokens: ServiceLifecycleTokens): ServiceLifecycleType {
  const stopAtShutdown = tokens.stopAt === 'application-shutdown';

  @Injectable()
  class Lifecycle implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
    private readModels: BackgroundWork[] = [];
    private background: BackgroundWork[] = [];
    private databases: { close(): Promise<void> | void }[] = [];
    private started: BackgroundWork[] = [];

    constructor(
      private readonly moduleRef: ModuleRef,
      private readonly health: HealthRegistry,
    ) {}

    async onModuleInit(): Promise<void> {
      // Looked up once every provider exists (they may be created after this class).
      const get = <T>(token: InjectionToken) => this.moduleRef.get<T>(token, { strict: false });
      this.readModels = list(tokens.readModel).map((t) => get<BackgroundWork>(t));
      this.background = list(tokens.background).map((t) => get<BackgroundWork>(t));
      this.databases = list(tokens.database).map((t) => get<{ close(): Promise<void> | void }>(t));
      for (const work of this.readModels) {
        await work.start(this.health);
        this.started.push(work);
      }
    }

    async onApplicationBootstrap(): Promise<void> {
      for (const work of this.background) {
        await work.start(this.health);
        this.started.push(work);
      }
    }

    async onModuleDestroy(): Promise<void> {
      if (!stopAtShutdown) await this.stopAll();
    }

    async onApplicationShutdown(): Promise<void> {
      if (stopAtShutdown) await this.stopAll();
      for (const database of this.databases) await database.close();
    }

    private async stopAll(): Promise<void> {
      const started = this.started.reverse();
      this.started = [];
      for (const work of started) await work.stop();
    }
  }
  return Lifecycle;
}
