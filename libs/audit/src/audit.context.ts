import { defineContext } from '@alliance/service-runtime';
import { AUDIT_COMMAND_HANDLERS, AUDIT_QUERY_HANDLERS } from './application/audit-handlers';
import type { AuditSource } from './application/audit-source';
import { Checkpointer } from './application/checkpointer';
import type { AuditedProjection } from './application/read-model-replay';
import { StateReplayer, type StreamFolder } from './application/state-replayer';
import { AuditConfig } from './audit.config';
import { AUDIT_KEY, AUDIT_SOURCES, AUDIT_STORES, CHECKPOINTER, READ_MODEL_AUDITOR, STATE_REPLAYER } from './audit.tokens';
import { EventsController } from './http/events.controller';
import { IntegrityController } from './http/integrity.controller';
import { ProvenanceController } from './http/provenance.controller';
import { ReadModelsController } from './http/read-models.controller';
import { StateController } from './http/state.controller';
import { loadAuditKey } from './infrastructure/audit-key';
import { CheckpointScheduler } from './infrastructure/checkpoint-scheduler';
import { openAuditSources } from './infrastructure/open-audit-sources';
import { ReadModelAuditor } from './infrastructure/read-model-auditor';

/** What the executables teach the audit about the contexts (the audit library itself never imports one). */
export interface AuditOptions {
  /** How point-in-time replay folds each kind of stream: the contexts' exported evolvers. */
  folders?: StreamFolder[];
  /** Read models the contexts let auditors rebuild and compare, located for this configuration. */
  readModels?: (config: AuditConfig) => AuditedProjection[];
}

/**
 * The read-only audit context: queries across every store, provenance, point-in-time state, checkpoints,
 * verification, replay. Without options it knows no context: generic event lists for point-in-time state, no
 * read models; the executables give it the contexts' foldings and read models (`AUDIT_SERVICE.withOptions`).
 */
export const AUDIT_SERVICE = defineContext<AuditConfig, AuditOptions>({
  name: 'audit',
  description: 'Read-only history, provenance, point-in-time state, tamper evidence and replay for auditors',
  defaultPort: 3006,
  configSchema: AuditConfig,
  controllers: [EventsController, ProvenanceController, StateController, IntegrityController, ReadModelsController],
  commandHandlers: AUDIT_COMMAND_HANDLERS,
  queryHandlers: AUDIT_QUERY_HANDLERS,
  providers: (runtime, options) => {
    const config = runtime.config;
    const key = loadAuditKey(config);
    return [
      { provide: AUDIT_KEY, useValue: key },
      { provide: AUDIT_SOURCES, useFactory: () => openAuditSources(config) },
      {
        provide: STATE_REPLAYER,
        useFactory: (sources: AuditSource[]) => new StateReplayer(sources, options.folders ?? []),
        inject: [AUDIT_SOURCES],
      },
      {
        provide: CHECKPOINTER,
        useFactory: (sources: AuditSource[]) => new Checkpointer(sources, runtime.eventStore, key),
        inject: [AUDIT_SOURCES],
      },
      {
        provide: READ_MODEL_AUDITOR,
        useFactory: (sources: AuditSource[]) => new ReadModelAuditor(sources, options.readModels?.(config) ?? [], { allowEmbedded: false }),
        inject: [AUDIT_SOURCES],
      },
      {
        provide: CheckpointScheduler,
        useFactory: (sources: AuditSource[], checkpointer: Checkpointer) =>
          new CheckpointScheduler(
            sources,
            runtime.eventStore,
            checkpointer,
            config.AUDIT_CHECKPOINT_EVERY_EVENTS,
            config.AUDIT_CHECKPOINT_INTERVAL_MS,
          ),
        inject: [AUDIT_SOURCES, CHECKPOINTER],
      },
      {
        provide: AUDIT_STORES,
        useFactory: (sources: AuditSource[]) => ({ close: async () => void (await Promise.all(sources.map((s) => s.store.close()))) }),
        inject: [AUDIT_SOURCES],
      },
    ];
  },
  // The checkpoint schedule once the app is up; once the HTTP server has closed it stops, then the read-model
  // comparisons' databases and the read-only connections to every service's store close.
  lifecycle: { database: [READ_MODEL_AUDITOR, AUDIT_STORES], background: CheckpointScheduler, stopAt: 'application-shutdown' },
});
