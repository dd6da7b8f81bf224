import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/** A token of the shape issuance makes (86 base64url characters), random: it opens nothing unless a test says so. */
export const shareToken = (): string => randomBytes(64).toString('base64url');

/** What the stand-in answers to one path. */
export interface StandInAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A small local HTTP server standing in for issuance: it answers the paths a test gives (status lists, shared
 * credentials) and, like issuance for an unknown link, 404 problem+json to anything else. It records every path
 * asked, so a test sees exactly what verification fetched.
 */
export async function startIssuanceStandIn(): Promise<{
  url: string;
  requests: string[];
  answer(path: string, answer: StandInAnswer): void;
  close(): Promise<void>;
}> {
  const answers = new Map<string, StandInAnswer>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const a = answers.get(req.url ?? '') ?? {
      status: 404,
      body: { status: 404, title: 'Not Found' },
      headers: { 'content-type': 'application/problem+json' },
    };
    const body = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
    res.writeHead(a.status, { 'content-type': 'application/vc+ld+json', ...a.headers }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    requests,
    answer: (path, answer) => void answers.set(path, answer),
    close: () => (closed ??= new Promise((r) => server.close(() => r()))),
  };
}
