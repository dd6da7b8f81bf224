import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, InMemoryEventStore } from '@alliance/event-sourcing';
import { createIntegrationBus, type IntegrationBus } from '@alliance/messaging';
import { type AuthenticatedActor, createServiceApp, loadServiceConfig, mintToken, type Role, serviceRootModule, type ServiceConfig } from '@alliance/nest-kit';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { CATALOGUE_SERVICE } from '../catalogue.service-descriptor';

export interface CatalogueApp {
  app: NestExpressApplication;
  config: ServiceConfig;
  store: EventStore;
  bus: IntegrationBus;
  http: () => ReturnType<typeof request>;
  token(role: Role, institution?: string, subject?: string): Promise<string>;
  close(): Promise<void>;
}

/** The catalogue service over HTTP, on a throw-away data directory. */
export async function startCatalogue(env: Record<string, string> = {}): Promise<CatalogueApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'catalogue-e2e-'));
  const config = loadServiceConfig(CATALOGUE_SERVICE, { LOG_LEVEL: 'silent', DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://credentials.alliance.example', ...env });
  const store = new InMemoryEventStore();
  const bus = await createIntegrationBus({ kind: 'in-process' });
  const runtime = { service: CATALOGUE_SERVICE.name, config, eventStore: store, bus, close: async () => undefined };
  const app = await createServiceApp({ service: 'catalogue', description: CATALOGUE_SERVICE.description, module: serviceRootModule(CATALOGUE_SERVICE, runtime), config });
  await app.init();
  return {
    app,
    config,
    store,
    bus,
    http: () => request(app.getHttpServer()),
    token: (role, institution, subject = `${role}-user`) => mintToken({ subject, role, ...(institution ? { institution } : {}) } as AuthenticatedActor, config),
    async close() {
      await app.close();
      await bus.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Counts the events in the store: a rejected request must not have written any. */
export async function eventCount(store: EventStore): Promise<number> {
  return store.headPosition();
}
