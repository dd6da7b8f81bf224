import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIntegrationBus, type IntegrationBus, type IntegrationMessage } from '@alliance/messaging';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mintToken, createServiceApp, type ServiceConfig, type AuthenticatedActor, type Role } from '@alliance/nest-kit';
import { createRuntime } from '../create-runtime';
import { loadServiceConfig, serviceRootModule } from '../run-service';
import type { ServiceDescriptor } from '../service-descriptor';
import type { ServiceRuntime } from '../service-runtime';

export interface ServiceUnderTestOptions {
  env?: Record<string, string>;
  /** Use the bus the configuration names (Kafka) instead of a shared in-process one. */
  configuredBus?: boolean;
}

export interface ServiceUnderTest<C extends ServiceConfig> {
  app: NestExpressApplication;
  runtime: ServiceRuntime<C>;
  bus: IntegrationBus;
  /** Every integration message the service published, in order. */
  published: IntegrationMessage[];
  bearer(role: Role, institution?: string, subject?: string): Promise<string>;
  close(): Promise<void>;
}

/** A service for a test, in-process on the embedded event store and a throw-away data directory, with a bus the test publishes other contexts' facts on. */
export async function startServiceUnderTest<C extends ServiceConfig>(
  service: ServiceDescriptor<C>,
  options: ServiceUnderTestOptions = {},
): Promise<ServiceUnderTest<C>> {
  const dataDir = mkdtempSync(join(tmpdir(), `${service.name}-e2e-`));
  const config = loadServiceConfig(service, { LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...options.env });
  // The configured bus (Kafka in distributed tests) or an in-process one the test shares with the service.
  const runtime = await createRuntime(
    service.name,
    config,
    options.configuredBus ? {} : { sharedBus: await createIntegrationBus({ kind: 'in-process' }) },
  );
  const bus = runtime.bus;
  const published: IntegrationMessage[] = [];
  const probe = await bus.subscribe({
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
  await app.init();
  return {
    app,
    runtime,
    bus,
    published,
    bearer: async (role, institution, subject = `${role}@${institution ?? 'alliance'}`) =>
      `Bearer ${await mintToken({ subject, role, ...(institution ? { institution } : {}) } as AuthenticatedActor, config)}`,
    async close() {
      await probe.stop();
      await app.close();
      if (!options.configuredBus) await bus.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
