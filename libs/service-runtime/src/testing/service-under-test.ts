import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@alliance/event-sourcing';
import { createIntegrationBus, type IntegrationBus, type IntegrationMessage } from '@alliance/messaging';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mintToken, createServiceApp, type ServiceConfig, type AuthenticatedActor, type Role } from '@alliance/nest-kit';
import { createRuntime } from '../create-runtime';
import { loadServiceConfig, serviceRootModule } from '../run-service';
import type { ServiceDescriptor } from '../service-descriptor';
import type { ServiceRuntime } from '../service-runtime';

export interface ServiceUnderTestOptions {
  env?: Record<string, string>;
  /** Use the bus the configuration names (Kafka) instead of an in-process one. */
  configuredBus?: boolean;
  /** A bus the test owns and shares with other services (not closed with this one). */
  bus?: IntegrationBus;
  /** The data directory; by default a throw-away one. */
  dataDir?: string;
  /** Whether `close` leaves the data directory; by default one given is left and a throw-away one removed. */
  keepData?: boolean;
  /** Listen on a free loopback port (for URLs the service puts in what it answers); by default the app is only initialised. */
  listen?: boolean;
  /** Record what the service publishes in `published`; by default true. */
  observe?: boolean;
}

export interface ServiceUnderTest<C extends ServiceConfig> {
  app: NestExpressApplication;
  runtime: ServiceRuntime<C>;
  config: C;
  store: EventStore;
  bus: IntegrationBus;
  dataDir: string;
  /** The base URL when the service listens. */
  url: string;
  /** Every integration message the service published, in order (when observed). */
  published: IntegrationMessage[];
  /** A token for an actor; the subject is `<role>-user` unless named. */
  token(role: Role, institution?: string, subject?: string): Promise<string>;
  /** An authorization header value; the subject is `<role>@<institution or alliance>` unless named. */
  bearer(role: Role, institution?: string, subject?: string): Promise<string>;
  close(): Promise<void>;
}

/** A service for a test, in-process on the embedded event store and a throw-away data directory, with a bus the test publishes other contexts' facts on. */
export async function startServiceUnderTest<C extends ServiceConfig>(
  service: ServiceDescriptor<C>,
  options: ServiceUnderTestOptions = {},
): Promise<ServiceUnderTest<C>> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `${service.name}-e2e-`));
  const keepData = options.keepData ?? options.dataDir !== undefined;
  const config = loadServiceConfig(service, { LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...options.env });
  // The test's bus, the configured one (Kafka in distributed tests) or an in-process one the test shares with the service.
  const owned = options.bus || options.configuredBus ? undefined : await createIntegrationBus({ kind: 'in-process' });
  const shared = options.bus ?? owned;
  const runtime = await createRuntime(service.name, config, shared ? { sharedBus: shared } : {});
  const bus = runtime.bus;
  const published: IntegrationMessage[] = [];
  const probe =
    options.observe === false
      ? undefined
      : await bus.subscribe({
          group: `probe-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
          sources: [service.name],
          handler: async (m) => void published.push(m),
        });
  const app = await createServiceApp({
    service: service.name,
    description: service.description,
    module: serviceRootModule(service, runtime),
    config,
  });
  let url = '';
  if (options.listen) {
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  } else {
    await app.init();
  }
  const token = (role: Role, institution: string | undefined, subject: string) =>
    mintToken({ subject, role, ...(institution ? { institution } : {}) } as AuthenticatedActor, config);
  return {
    app,
    runtime,
    config,
    store: runtime.eventStore,
    bus,
    dataDir,
    url,
    published,
    token: (role, institution, subject = `${role}-user`) => token(role, institution, subject),
    bearer: async (role, institution, subject = `${role}@${institution ?? 'alliance'}`) =>
      `Bearer ${await token(role, institution, subject)}`,
    async close() {
      await probe?.stop();
      await app.close();
      await owned?.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
