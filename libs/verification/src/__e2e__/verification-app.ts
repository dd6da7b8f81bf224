import { pollUntil } from '@alliance/event-sourcing';
import { createServer, type Server } from 'node:http';
import { startServiceUnderTest, type ServiceUnderTest } from '@alliance/service-runtime';
import request from 'supertest';
import type { MemberDidDocuments } from '../application/ports/member-did-documents.port';
import type { VerificationConfig } from '../verification.config';
import { VERIFICATION_SERVICE } from '../verification.context';

export interface VerificationApp extends ServiceUnderTest<VerificationConfig> {
  http: () => ReturnType<typeof request>;
}

/**
 * The verification service in embedded mode on a free port, with a bus the test feeds catalogue events to.
 * Members' own DID documents are read only when a test asks for it: the fixtures' domains (`*.example`) host none.
 */
export async function startVerification(
  env: Record<string, string> = {},
  options: { memberDidDocuments?: MemberDidDocuments } = {},
): Promise<VerificationApp> {
  const { memberDidDocuments } = options;
  const service = await startServiceUnderTest(
    memberDidDocuments ? VERIFICATION_SERVICE.withOptions({ memberDidDocuments }) : VERIFICATION_SERVICE,
    {
      env: {
        VERIFICATION_FETCH_TIMEOUT_MS: '1500',
        VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: memberDidDocuments ? 'true' : 'false',
        PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
        ...env,
      },
      listen: true,
    },
  );
  return { ...service, http: () => request(service.app.getHttpServer()) };
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
