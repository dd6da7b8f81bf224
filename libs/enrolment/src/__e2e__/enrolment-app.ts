import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIntegrationBus, type IntegrationBus, type IntegrationMessage } from '@alliance/messaging';
import { type AuthenticatedActor, createRuntime, createServiceApp, loadServiceConfig, mintToken, type Role, serviceRootModule, type ServiceRuntime } from '@alliance/nest-kit';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { EnrolmentConfig } from '../enrolment.config';
import { ENROLMENT_SERVICE } from '../enrolment.service-descriptor';

export interface StartOptions {
  env?: Record<string, string>;
  /** Use the bus the configuration names (Kafka) instead of a shared in-process one. */
  configuredBus?: boolean;
}

export interface EnrolmentApp {
  app: NestExpressApplication;
  runtime: ServiceRuntime<EnrolmentConfig>;
  bus: IntegrationBus;
  /** Every integration message enrolment published, in order. */
  published: IntegrationMessage[];
  http: () => ReturnType<typeof request>;
  bearer(role: Role, institution?: string, subject?: string): Promise<string>;
  close(): Promise<void>;
}

/** The enrolment service over HTTP on the embedded event store, with a bus the test publishes other contexts' facts on. */
export async function startEnrolment(options: StartOptions = {}): Promise<EnrolmentApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enrolment-e2e-'));
  const config = loadServiceConfig(ENROLMENT_SERVICE, { LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...options.env });
  // The configured bus (Kafka in distributed tests) or an in-process one the test shares with the service.
  const runtime = await createRuntime(ENROLMENT_SERVICE.name, config, options.configuredBus ? {} : { sharedBus: await createIntegrationBus({ kind: 'in-process' }) });
  const bus = runtime.bus;
  const published: IntegrationMessage[] = [];
  const probe = await bus.subscribe({ group: `probe-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, sources: ['enrolment'], handler: async (m) => void published.push(m) });
  const app = await createServiceApp({ service: 'enrolment', description: ENROLMENT_SERVICE.description, module: serviceRootModule(ENROLMENT_SERVICE, runtime), config });
  await app.init();
  return {
    app,
    runtime,
    bus,
    published,
    http: () => request(app.getHttpServer()),
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
