import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HealthRegistry, storageHealthCheck } from '@alliance/nest-kit';
import { EVENT_STORE, INTEGRATION_BUS, type ServiceRuntime } from './service-runtime';

const RUNTIME = Symbol('RUNTIME');

/** Makes the runtime's event store and bus injectable, reports them on /health/ready, and closes them on shutdown. */
@Global()
@Module({})
export class RuntimeModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(RUNTIME) private readonly runtime: ServiceRuntime,
    private readonly health: HealthRegistry,
  ) {}

  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: EVENT_STORE, useValue: runtime.eventStore },
        { provide: INTEGRATION_BUS, useValue: runtime.bus },
      ],
      exports: [EVENT_STORE, INTEGRATION_BUS, RUNTIME],
    };
  }

  onModuleInit(): void {
    const { eventStore, bus } = this.runtime;
    this.health.register({
      name: 'eventStore',
      check: async () => {
        await eventStore.ping();
        return { adapter: eventStore.name, head: await eventStore.headPosition() };
      },
    });
    // Embedded stores write under DATA_DIR: probe it. Either way, report the storage faults writers met (a full disk).
    const embedded = this.runtime.config.EVENT_STORE === 'embedded' || this.runtime.config.READ_MODEL === 'pglite';
    this.health.register(storageHealthCheck({ dataDir: embedded ? this.runtime.config.DATA_DIR : undefined }));
    this.health.register({
      name: 'bus',
      check: async () => {
        await bus.ping();
        return { adapter: bus.name };
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.close();
  }
}
