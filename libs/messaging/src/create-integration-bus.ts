import { createInProcessBus, type InProcessBusOptions } from './in-process/in-process-bus';
import type { IntegrationBus } from './integration-bus.port';
import type { KafkaBusOptions } from './kafka/kafka-bus-options';
import { createKafkaBus } from './kafka/kafka-bus';

export type IntegrationBusSettings = ({ kind: 'in-process' } & InProcessBusOptions) | ({ kind: 'kafka' } & KafkaBusOptions);

/**
 * Opens the adapter the configuration names. Kafka is checked with a metadata round trip, so a wrong
 * broker list fails at start-up rather than on the first publish.
 */
export async function createIntegrationBus(settings: IntegrationBusSettings): Promise<IntegrationBus> {
  if (settings.kind === 'in-process') {
    const { kind: _kind, ...options } = settings;
    return createInProcessBus(options);
  }
  const { kind: _kind, ...options } = settings;
  const bus = createKafkaBus(options);
  try {
    await bus.ping();
  } catch (error) {
    await bus.close();
    throw new Error(`cannot reach Kafka at ${options.brokers.join(',')}: ${(error as Error).message}`, { cause: error });
  }
  return bus;
}
