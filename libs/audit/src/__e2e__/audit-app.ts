import { createIntegrationBus } from '@alliance/messaging';
import { type AuthenticatedActor, createServiceApp, mintToken, type Role } from '@alliance/nest-kit';
import { createRuntime, loadServiceConfig, serviceRootModule } from '@alliance/service-runtime';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { FIXTURE_SEED } from '../__fixtures__/audit-stores.fixture';
import { AUDIT_SERVICE, type AuditOptions } from '../audit.context';

export interface AuditApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  token(role: Role, institution?: string): Promise<string>;
  close(): Promise<void>;
}

/** The audit service over HTTP in embedded mode, reading the stores under `dataDir`. */
export async function startAudit(dataDir: string, options: AuditOptions = {}, env: Record<string, string> = {}): Promise<AuditApp> {
  const descriptor = AUDIT_SERVICE.withOptions(options);
  const config = loadServiceConfig(descriptor, {
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    AUDIT_SIGNING_KEY: FIXTURE_SEED,
    AUDIT_CHECKPOINT_INTERVAL_MS: '0',
    ...env,
  });
  const bus = await createIntegrationBus({ kind: 'in-process' });
  const runtime = await createRuntime(descriptor.name, config, { sharedBus: bus });
  const app = await createServiceApp({
    service: 'audit',
    description: descriptor.description,
    module: serviceRootModule(descriptor, runtime),
    config,
  });
  await app.init();
  return {
    app,
    http: () => request(app.getHttpServer()),
    token: (role, institution) =>
      mintToken({ subject: `${role}-user`, role, ...(institution ? { institution } : {}) } as AuthenticatedActor, config),
    async close() {
      await app.close();
      await runtime.close();
      await bus.close();
    },
  };
}
