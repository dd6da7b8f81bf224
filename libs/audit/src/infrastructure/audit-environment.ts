import { createEventStore, type EventStore } from '@alliance/event-sourcing';
import { eventStoreSettings } from '@alliance/service-runtime';
import type { AuditSource } from '../application/audit-source';
import type { AuditConfig } from '../audit.config';
import { loadAuditKey } from './audit-key';
import { openAuditSources } from './open-audit-sources';

/** The audited stores, the audit's own store and key, opened outside the service (the command line). */
export interface AuditEnvironment {
  config: AuditConfig;
  sources: AuditSource[];
  auditStore: EventStore;
  key: ReturnType<typeof loadAuditKey>;
  /** Events in every audited store: what "done" means for a progress bar. */
  totalEvents(): Promise<number>;
  close(): Promise<void>;
}

export async function openAuditEnvironment(config: AuditConfig): Promise<AuditEnvironment> {
  const sources = await openAuditSources(config);
  const auditStore = await createEventStore(eventStoreSettings('audit', config));
  return {
    config,
    sources,
    auditStore,
    key: loadAuditKey(config),
    // Positions are dense on the embedded and PostgreSQL stores; on KurrentDB this is an upper bound.
    totalEvents: async () => (await Promise.all(sources.map((s) => s.store.headPosition()))).reduce((a, b) => a + b, 0),
    async close() {
      await Promise.all([...sources.map((s) => s.store.close()), auditStore.close()]);
    },
  };
}
