import { join } from 'node:path';
import { createEventStore, type EventStore } from '@alliance/event-sourcing';
import { createIntegrationBus, type IntegrationBus, type IntegrationBusSettings } from '@alliance/messaging';
import type { ServiceConfig } from '@alliance/nest-kit';
import type { ServiceRuntime } from './service-runtime';

export interface RuntimeOverrides {
  /** A bus shared by several services in one process (the platform); not closed by this runtime. */
  sharedBus?: IntegrationBus;
}

/** Where a service's events live: its own folder, PostgreSQL schema or KurrentDB, by configuration. */
export function eventStoreSettings(service: string, config: ServiceConfig): Parameters<typeof createEventStore>[0] {
  return config.EVENT_STORE === 'embedded'
    ? { kind: 'embedded', dataDir: join(config.DATA_DIR, service) }
    : config.EVENT_STORE === 'postgres'
      ? { kind: 'postgres', url: config.DATABASE_URL!, schema: `${service.replace(/-/g, '_')}_events` }
      : { kind: 'kurrentdb', connectionString: config.KURRENTDB_CONNECTION_STRING! };
}

/** Chooses and opens the event store and bus adapters that the configuration names. */
export async function createRuntime<C extends ServiceConfig>(
  service: string,
  config: C,
  overrides: RuntimeOverrides = {},
): Promise<ServiceRuntime<C>> {
  const eventStore: EventStore = await createEventStore(eventStoreSettings(service, config));
  const bus =
    overrides.sharedBus ??
    (await createIntegrationBus(config.BUS === 'kafka' ? kafkaBusSettings(service, config) : { kind: 'in-process' }));
  return {
    service,
    config,
    eventStore,
    bus,
    async close() {
      if (!overrides.sharedBus) await bus.close();
      await eventStore.close();
    },
  };
}

export function kafkaBusSettings(clientId: string, config: ServiceConfig): IntegrationBusSettings {
  return {
    kind: 'kafka',
    brokers: config.KAFKA_BROKERS.split(','),
    clientId,
    partitions: config.KAFKA_PARTITIONS,
    personalDataSources: config.KAFKA_PERSONAL_DATA_SOURCES.split(','),
    personalDataRetentionMs: config.KAFKA_PERSONAL_DATA_RETENTION_HOURS * 3_600_000,
  };
}

/**
 * Where the embedded platform's shared in-process bus journals its dead letters, so that the operator's
 * CLI (another process) can list them and request replays.
 */
export function embeddedDeadLetterFile(config: Pick<ServiceConfig, 'DATA_DIR'>): string {
  return join(config.DATA_DIR, 'dead-letters.jsonl');
}
