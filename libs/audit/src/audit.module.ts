import { type DynamicModule, Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ServiceRuntime } from '@alliance/nest-kit';
import type { AuditSource } from './application/audit-source';
import { Checkpointer } from './application/checkpointer';
import { StateReplayer, type StreamFolder } from './application/state-replayer';
import type { AuditConfig } from './audit.config';
import { AUDIT_KEY, AUDIT_SOURCES, CHECKPOINTER, STATE_REPLAYER } from './audit.tokens';
import { EventsController } from './http/events.controller';
import { IntegrityController } from './http/integrity.controller';
import { StateController } from './http/state.controller';
import { loadAuditKey } from './infrastructure/audit-key';
import { CheckpointScheduler } from './infrastructure/checkpoint-scheduler';
import { openAuditSources } from './infrastructure/open-audit-sources';

/** The read-only audit context: queries across every store, point-in-time state, checkpoints and verification. */
@Module({})
export class AuditModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(AUDIT_SOURCES) private readonly sources: AuditSource[],
    @Inject(CheckpointScheduler) private readonly scheduler: CheckpointScheduler,
  ) {}

  /** `folders` teach point-in-time replay how to fold each kind of stream (the executables pass the contexts' evolvers). */
  static forRoot(runtime: ServiceRuntime<AuditConfig>, folders: StreamFolder[] = []): DynamicModule {
    const config = runtime.config;
    const key = loadAuditKey(config);
    return {
      module: AuditModule,
      controllers: [EventsController, StateController, IntegrityController],
      providers: [
        { provide: AUDIT_KEY, useValue: key },
        { provide: AUDIT_SOURCES, useFactory: () => openAuditSources(config) },
        { provide: STATE_REPLAYER, useFactory: (sources: AuditSource[]) => new StateReplayer(sources, folders), inject: [AUDIT_SOURCES] },
        { provide: CHECKPOINTER, useFactory: (sources: AuditSource[]) => new Checkpointer(sources, runtime.eventStore, key), inject: [AUDIT_SOURCES] },
        {
          provide: CheckpointScheduler,
          useFactory: (sources: AuditSource[], checkpointer: Checkpointer) =>
            new CheckpointScheduler(sources, runtime.eventStore, checkpointer, config.AUDIT_CHECKPOINT_EVERY_EVENTS, config.AUDIT_CHECKPOINT_INTERVAL_MS),
          inject: [AUDIT_SOURCES, CHECKPOINTER],
        },
      ],
    };
  }

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
    await Promise.all(this.sources.map((s) => s.store.close()));
  }
}
