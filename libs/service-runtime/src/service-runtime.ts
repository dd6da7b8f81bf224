import type { EventStore } from '@alliance/event-sourcing';
import type { IntegrationBus } from '@alliance/messaging';
import type { ServiceConfig } from '@alliance/nest-kit';

export const EVENT_STORE = Symbol('EVENT_STORE');
export const INTEGRATION_BUS = Symbol('INTEGRATION_BUS');

/** The infrastructure a service runs on, chosen by its configuration. */
export interface ServiceRuntime<C extends ServiceConfig = ServiceConfig> {
  service: string;
  config: C;
  eventStore: EventStore;
  bus: IntegrationBus;
  /** Releases what this runtime owns (a bus shared by the platform is closed by the platform). */
  close(): Promise<void>;
}
