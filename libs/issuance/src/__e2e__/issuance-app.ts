import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, pollUntil } from '@alliance/event-sourcing';
import { createIntegrationBus, type IntegrationBus, type IntegrationMessage } from '@alliance/messaging';
import { type AuthenticatedActor, createServiceApp, mintToken, type Role } from '@alliance/nest-kit';
import { createRuntime, loadServiceConfig, serviceRootModule } from '@alliance/service-runtime';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { IssuanceConfig } from '../issuance.config';
import { ISSUANCE_SERVICE } from '../issuance.context';

export interface IssuanceApp {
  app: NestExpressApplication;
  url: string;
  config: IssuanceConfig;
  store: EventStore;
  bus: IntegrationBus;
  /** Messages issuance published. */
  published: IntegrationMessage[];
  http: () => ReturnType<typeof request>;
  token(role: Role, institution?: string, subject?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The issuance service as it runs in embedded mode (event store on disk, PGlite read models), listening on a
 * free port so the status list URLs in its credentials resolve, with a bus the test publishes other
 * contexts' events on.
 */
export async function startIssuance(
  options: { env?: Record<string, string>; bus?: IntegrationBus; dataDir?: string } = {},
): Promise<IssuanceApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'issuance-e2e-'));
  const config = loadServiceConfig(ISSUANCE_SERVICE, {
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ISSUANCE_MASTER_KEY: 'a'.repeat(64),
    ISSUANCE_CRYPTOSUITE: 'eddsa-rdfc-2022',
    ...options.env,
  });
  const bus = options.bus ?? (await createIntegrationBus({ kind: 'in-process' }));
  const published: IntegrationMessage[] = [];
  const consumer = await bus.subscribe({
    group: 'issuance-e2e-observer',
    sources: ['issuance'],
    handler: async (m) => void published.push(m),
  });
  const runtime = await createRuntime(ISSUANCE_SERVICE.name, config, { sharedBus: bus });
  const app = await createServiceApp({
    service: 'issuance',
    description: ISSUANCE_SERVICE.description,
    module: serviceRootModule(ISSUANCE_SERVICE, runtime),
    config,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    app,
    url,
    config,
    store: runtime.eventStore,
    bus,
    published,
    http: () => request(app.getHttpServer()),
    token: (role, institution, subject = `${role}-user`) =>
      mintToken({ subject, role, ...(institution ? { institution } : {}) } as AuthenticatedActor, config),
    async close() {
      await consumer.stop();
      await app.close();
      if (!options.bus) await bus.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `probe` returns a value, or fails after `timeoutMs`. */
export function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  return pollUntil(probe, { timeoutMs, timedOut: () => new Error(`timed out waiting for ${what}`) });
}

/**
 * What an institution's own admin does to have the platform sign for it: asks issuance to generate a key
 * that signs the catalogue's possession challenge, then chooses the automatic policy. Returns the generated key.
 */
export async function delegateToPlatform(
  it: IssuanceApp,
  institutionId: string,
  keyId = 'key-1',
): Promise<{ publicKeyMultibase: string; keyRef: string; proofOfPossession: { nonce: string; signature: string } }> {
  const admin = `Bearer ${await it.token('institution-admin', institutionId)}`;
  const challenge = {
    type: 'alliance-key-possession',
    institutionId,
    keyId,
    nonce: randomBytes(32).toString('base64url'),
    expiresAt: new Date(Date.now() + 600_000).toISOString(),
  };
  const generated = await it
    .http()
    .post(`/institutions/${institutionId}/signing-keys`)
    .set('authorization', admin)
    .send({ challenge })
    .expect(201);
  await it
    .http()
    .put(`/institutions/${institutionId}/signing-policy`)
    .set('authorization', admin)
    .send({ policy: 'automatic' })
    .expect(200);
  return generated.body;
}
