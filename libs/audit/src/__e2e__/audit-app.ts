import { startServiceUnderTest, type ServiceUnderTest } from '@alliance/service-runtime';
import request from 'supertest';
import { FIXTURE_SEED } from '../__fixtures__/audit-stores.fixture';
import type { AuditConfig } from '../audit.config';
import { AUDIT_SERVICE, type AuditOptions } from '../audit.context';

export interface AuditApp extends ServiceUnderTest<AuditConfig> {
  http: () => ReturnType<typeof request>;
}

/** The audit service over HTTP in embedded mode, reading the stores under `dataDir`. */
export async function startAudit(dataDir: string, options: AuditOptions = {}, env: Record<string, string> = {}): Promise<AuditApp> {
  const service = await startServiceUnderTest(AUDIT_SERVICE.withOptions(options), {
    dataDir,
    observe: false,
    env: { AUDIT_SIGNING_KEY: FIXTURE_SEED, AUDIT_CHECKPOINT_INTERVAL_MS: '0', ...env },
  });
  return { ...service, http: () => request(service.app.getHttpServer()) };
}
