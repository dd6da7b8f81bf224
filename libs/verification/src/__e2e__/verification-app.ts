import { pollUntil } from '@alliance/event-sourcing';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIntegrationBus, type IntegrationBus, type IntegrationMessage } from '@alliance/messaging';
import { createServiceApp } from '@alliance/nest-kit';
import { createRuntime, loadServiceConfig, serviceRootModule } from '@alliance/service-runtime';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { MemberDidDocuments } from '../application/ports/member-did-documents.port';
import type { VerificationConfig } from '../verification.config';
import { VERIFICATION_SERVICE } from '../verification.context';

export interface VerificationApp {
  app: NestExpressApplication;
  url: string;
  config: VerificationConfig;
  bus: IntegrationBus;
  published: IntegrationMessage[];
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The verification service in embedded mode on a free port, with a bus the test feeds catalogue events to.
 * Members' own DID documents are read only when a test asks for it: the fixtures' domains (`*.example`) host none.
 */
export async function startVerification(
  env: Record<string, string> = {},
  options: { memberDidDocuments?: MemberDidDocuments } = {},
): Promise<VerificationApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verification-e2e-'));
  const config = loadServiceConfig(VERIFICATION_SERVICE, {
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    VERIFICATION_FETCH_TIMEOUT_MS: '1500',
    VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: options.memberDidDocuments ? 'true' : 'false',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
  const bus = await createIntegrationBus({ kind: 'in-process' });
  const published: IntegrationMessage[] = [];
  const observer = await bus.subscribe({
    group: 'verification-e2e-observer',
    sources: ['verification'],
    handler: async (m) => void published.push(m),
  });
  const runtime = await createRuntime(VERIFICATION_SERVICE.name, config, { sharedBus: bus });
  const { memberDidDocuments } = options;
  const descriptor = memberDidDocuments ? VERIFICATION_SERVICE.withOptions({ memberDidDocuments }) : VERIFICATION_SERVICE;
  const app = await createServiceApp({
    service: 'verification',
    description: VERIFICATION_SERVICE.description,
    module: serviceRootModule(descriptor, runtime),
    config,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  return {
    app,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    config,
    bus,
    published,
    http: () => request(app.getHttpServer()),
    async close() {
      await observer.stop();
      await app.close();
      await bus.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A tiny web server standing in for the issuance service's public status list endpoint. */
export async function startStatusServer(): Promise<{
  url: string;
  serve(path: string, body: unknown): void;
  down(path: string): void;
  close(): Promise<void>;
}> {
  const documents = new Map<string, unknown>();
  const server: Server = createServer((req, res) => {
    const doc = documents.get(req.url ?? '');
    if (doc === undefined) return void res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'application/vc+ld+json' }).end(JSON.stringify(doc));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    serve: (path, body) => void documents.set(path, body),
    down: (path) => void documents.delete(path),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Polls until `probe` returns a value, or fails after `timeoutMs`. */
export function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  return pollUntil(probe, { timeoutMs });
}
