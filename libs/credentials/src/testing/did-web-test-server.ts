import { createServer, type Server } from 'node:https';
import type { ControllerDocument } from '../did/controller-document';
import { didWebToUrl } from '../did/did-web';
import type { TestKeyAndCertificate } from './test-tls';

/** What the test server answers on one path. */
export interface TestResponse {
  status?: number;
  /** Default `application/did+json`. */
  contentType?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Waits this long before answering. */
  delayMs?: number;
  /** Sends the body in 16 KB chunks without a content-length. */
  chunked?: boolean;
}

export interface DidWebTestServer {
  /** `localhost:<port>` */
  host: string;
  /** The did:web of a document this server hosts: `did:web:localhost%3A<port>[:<segment>…]`. */
  did(...path: string[]): string;
  /** Serves `document` where its `id` (a did:web of this server) resolves to. */
  publish(document: ControllerDocument): void;
  /** Stops serving the document of `did` (404). */
  withdraw(did: string): void;
  /** Answers `path` (e.g. `/uni/did.json`) with `response`. */
  serve(path: string, response: TestResponse): void;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A local HTTPS server, on 127.0.0.1 and a free port, that hosts did:web documents for tests. */
export async function startDidWebServer(tls: TestKeyAndCertificate): Promise<DidWebTestServer> {
  const routes = new Map<string, TestResponse>();
  const requests: string[] = [];
  const delayed = new Set<NodeJS.Timeout>();
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push(path);
    const route = routes.get(path);
    if (!route) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const answer = () => {
      const headers = {
        ...(route.contentType !== '' ? { 'content-type': route.contentType ?? 'application/did+json' } : {}),
        ...route.headers,
      };
      res.writeHead(route.status ?? 200, headers);
      if (!route.chunked) return void res.end(route.body ?? '');
      const body = Buffer.from(route.body ?? '');
      for (let at = 0; at < body.length; at += 16_384) res.write(body.subarray(at, at + 16_384));
      res.end();
    };
    if (!route.delayMs) return answer();
    const timer = setTimeout(() => {
      delayed.delete(timer);
      answer();
    }, route.delayMs);
    delayed.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const pathOf = (did: string) => new URL(didWebToUrl(did)).pathname;
  return {
    host: `localhost:${port}`,
    did: (...path) => ['did:web', `localhost%3A${port}`, ...path].join(':'),
    publish: (document) => void routes.set(pathOf(document.id), { body: JSON.stringify(document) }),
    withdraw: (did) => void routes.delete(pathOf(did)),
    serve: (path, response) => void routes.set(path, response),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of delayed) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
