import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { IssuanceSharedCredentials } from './issuance-shared-credentials';

/** A local port nothing listens on any more. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('shared credentials fetched from issuance', () => {
  const token = randomBytes(64).toString('base64url');

  it('logs a failed fetch without the token', async () => {
    const logged: unknown[] = [];
    const shared = new IssuanceSharedCredentials({
      issuanceUrl: `http://127.0.0.1:${await closedPort()}/`,
      timeoutMs: 2000,
      logger: { warn: (entry: unknown) => void logged.push(entry) },
    });
    expect(await shared.fetch(token)).toEqual({ found: false, reason: 'unavailable' });
    const text = JSON.stringify(logged);
    expect(text).toContain('/shared-credentials/***');
    expect(text).not.toContain(token);
  });

  it('fetches nothing without a configured issuance address or for a token of the wrong shape', async () => {
    const logged: unknown[] = [];
    const unconfigured = new IssuanceSharedCredentials({
      issuanceUrl: undefined,
      timeoutMs: 2000,
      logger: { warn: (e) => void logged.push(e) },
    });
    expect(await unconfigured.fetch(token)).toEqual({ found: false, reason: 'unavailable' });
    expect(JSON.stringify(logged)).toContain('no issuance URL is configured');
    const configured = new IssuanceSharedCredentials({
      issuanceUrl: 'http://127.0.0.1:9',
      timeoutMs: 2000,
      logger: { warn: () => undefined },
    });
    expect(await configured.fetch('../status-lists/list-1')).toEqual({ found: false, reason: 'gone' });
  });
});
