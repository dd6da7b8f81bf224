import type { DidWebDocumentResolver } from '@alliance/credentials';
import type { EventStore } from '@alliance/event-sourcing';
import { startServiceUnderTest, type ServiceUnderTest } from '@alliance/service-runtime';
import request from 'supertest';
import type { CatalogueConfig } from '../catalogue.config';
import { CATALOGUE_SERVICE } from '../catalogue.context';

export interface CatalogueApp extends ServiceUnderTest<CatalogueConfig> {
  http: () => ReturnType<typeof request>;
}

export interface StartCatalogueOptions {
  env?: Record<string, string>;
  dataDir?: string;
  /** Leave the data directory at close (it is removed otherwise, even one given). */
  keepData?: boolean;
  /** The bus the configuration names (Kafka in distributed mode), owned by the runtime. */
  configuredBus?: boolean;
  /** Where members' own DID documents are read; by default as in production (HTTPS, this process's trust store). */
  didDocuments?: DidWebDocumentResolver;
}

/**
 * The catalogue service over HTTP as it runs in embedded mode (its own event store on disk, PGlite read
 * model), on a throw-away data directory, with a bus the test can subscribe to.
 */
export async function startCatalogue(options: StartCatalogueOptions = {}): Promise<CatalogueApp> {
  const { didDocuments } = options;
  const service = await startServiceUnderTest(didDocuments ? CATALOGUE_SERVICE.withOptions({ didDocuments }) : CATALOGUE_SERVICE, {
    env: { PUBLIC_BASE_URL: 'https://credentials.alliance.example', ...options.env },
    dataDir: options.dataDir,
    keepData: options.keepData ?? false,
    configuredBus: options.configuredBus,
    observe: false,
  });
  return { ...service, http: () => request(service.app.getHttpServer()) };
}

/** Counts the events in the store: a rejected request must not have written any. */
export async function eventCount(store: EventStore): Promise<number> {
  return store.headPosition();
}
