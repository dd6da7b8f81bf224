import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_HEADER } from '../context/correlation.middleware';
import type { HealthRegistry } from './health-registry';

/** The body and status of `GET /health/live`: the process runs and answers. */
export function liveness(registry: HealthRegistry): { status: 'ok'; service: string } {
  return { status: 'ok', service: registry.service };
}

/** The body and status of `GET /health/ready`: the (possibly kept, see HealthRegistry) report; 503 unless every check is up. */
export async function readiness(
  registry: HealthRegistry,
): Promise<{ httpStatus: number; report: Awaited<ReturnType<HealthRegistry['report']>> }> {
  const report = await registry.report();
  return { httpStatus: report.status === 'ok' ? 200 : 503, report };
}

/**
 * Answers `GET /health/live` and `GET /health/ready` before the rest of the HTTP stack (routing, guards, pipes,
 * request logs), which probes need none of: orchestrators and load balancers poll them often, and each answer
 * then costs next to nothing. HealthController serves the same answers where this is not mounted, and documents them.
 */
export function healthProbes(registry: HealthRegistry) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    if (req.method !== 'GET' || (req.url !== '/health/live' && req.url !== '/health/ready')) return next();
    const incoming = req.headers[CORRELATION_HEADER] ?? req.headers['x-request-id'];
    res.setHeader(CORRELATION_HEADER, typeof incoming === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(incoming) ? incoming : randomUUID());
    if (req.url === '/health/live') return send(res, 200, liveness(registry));
    readiness(registry).then(
      ({ httpStatus, report }) => send(res, httpStatus, report),
      (error: unknown) => next(error),
    );
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
