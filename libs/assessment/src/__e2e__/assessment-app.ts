import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIntegrationBus, type IntegrationBus, type IntegrationMessage } from '@alliance/messaging';
import { type AuthenticatedActor, createRuntime, createServiceApp, loadServiceConfig, mintToken, type Role, serviceRootModule, type ServiceRuntime } from '@alliance/nest-kit';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { AssessmentConfig } from '../assessment.config';
import { ASSESSMENT_SERVICE } from '../assessment.service-descriptor';

export interface StartOptions {
  env?: Record<string, string>;
  /** Use the bus the configuration names (Kafka) instead of a shared in-process one. */
  configuredBus?: boolean;
}

export interface AssessmentApp {
  app: NestExpressApplication;
  runtime: ServiceRuntime<AssessmentConfig>;
  bus: IntegrationBus;
  /** Every integration message assessment published, in order. */
  published: IntegrationMessage[];
  http: () => ReturnType<typeof request>;
  bearer(role: Role, institution?: string, subject?: string): Promise<string>;
  close(): Promise<void>;
}

/** The assessment service over HTTP on the embedded event store, with a bus the test publishes other contexts' facts on. */
export async function startAssessment(options: StartOptions = {}): Promise<AssessmentApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'assessment-e2e-'));
  const config = loadServiceConfig(ASSESSMENT_SERVICE, { LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...options.env });
  // The configured bus (Kafka in distributed tests) or an in-process one the test shares with the service.
  const runtime = await createRuntime(ASSESSMENT_SERVICE.name, config, options.configuredBus ? {} : { sharedBus: await createIntegrationBus({ kind: 'in-process' }) });
  const bus = runtime.bus;
  const published: IntegrationMessage[] = [];
  const probe = await bus.subscribe({ group: `probe-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, sources: ['assessment'], handler: async (m) => void published.push(m) });
  const app = await createServiceApp({ service: 'assessment', description: ASSESSMENT_SERVICE.description, module: serviceRootModule(ASSESSMENT_SERVICE, runtime), config });
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
