import { createEventStore } from '@alliance/event-sourcing';
import { eventStoreSettings } from '@alliance/service-runtime';
import type { AuditSource } from '../application/audit-source';
import type { AuditConfig } from '../audit.config';

/** Opens the event store of every audited service with the adapter the configuration names. */
export async function openAuditSources(config: AuditConfig): Promise<AuditSource[]> {
  return Promise.all(
    config.AUDIT_STORES.split(',').map(async (name) => ({ name, store: await createEventStore(eventStoreSettings(name, config)) })),
  );
}
