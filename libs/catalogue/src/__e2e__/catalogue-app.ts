import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DidWebDocumentResolver } from '@alliance/credentials';
import type { EventStore } from '@alliance/event-sourcing';
import { createIntegrationBus, type IntegrationBus } from '@alliance/messaging';
import { type AuthenticatedActor, createServiceApp, mintToken, type Role, type ServiceConfig } from '@alliance/nest-kit';
import { createRuntime, loadServiceConfig, serviceRootModule } from '@alliance/service-runtime';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { CATALOGUE_SERVICE } from '../catalogue.context';

export interface CatalogueApp {
  app: NestExpressApplication;
  dataDir: string;
  config: ServiceConfig;
  store: EventStore;
  bus: IntegrationBus;
  http: () => ReturnType<typeof request>;
  token(role: Role, institution?: string, subject?: string): Promise<string>;
  close(): Promise<void>;
}

export interface StartCatalogueOptions {
  env?: Record<string, string>;
  dataDir?: string;
  keepData?: boolean;
  configuredBus?: boolean;
  /** Where members' own DID documents are read; by default as in production (HTTPS, this process's trust store). */
  didDocuments?: DidWebDocumentResolver;
}

/**
 * The catalogue service over HTTP as it runs in embedded mode (its own event store on disk, PGlite read
 * model), on a throw-away data directory, with a bus the test can subscribe to.
 */
export async function startCatalogue(options: StartCatalogueOptions = {}): Promise<CatalogueApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'catalogue-e2e-'));
  const config = loadServiceConfig(CATALOGUE_SERVICE, {
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: 'https://credentials.alliance.example',
    ...options.env,
  });
  // configuredBus: the bus the configuration names (Kafka in distributed mode), owned by the runtime.
  const shared = options.configuredBus ? undefined : await createIntegrationBus({ kind: 'in-process' });
  const runtime = await createRuntime(CATALOGUE_SERVICE.name, config, { sharedBus: shared });
  const bus = runtime.bus;
  const store = runtime.eventStore;
  const { didDocuments } = options;
  const descriptor = didDocuments ? CATALOGUE_SERVICE.withOptions({ didDocuments }) : CATALOGUE_SERVICE;
  const app = await createServiceApp({
    service: 'catalogue',
    description: CATALOGUE_SERVICE.description,
    module: serviceRootModule(descriptor, runtime),
    config,
  });
  await app.init();
  return {
    app,
    dataDir,
    config,
    store,
    bus,
    http: () => request(app.getHttpServer()),
    token: (role, institution, subject = `${role}-user`) =>
      mintToken({ subject, role, ...(institution ? { institution } : {}) } as AuthenticatedActor, config),
    async close() {
      await app.close();
      await shared?.close();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Counts the events in the store: a rejected request must not have written any. */
export async function eventCount(store: EventStore): Promise<number> {
  return store.headPosition();
}
