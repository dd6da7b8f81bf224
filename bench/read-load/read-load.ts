/**
 * The mixed public and staff read traffic a busy platform sees, as plain concurrent fetch loops (keep-alive):
 * `connections` loops each on anonymous verification (POST /verifications of an issued credential), the
 * status list that credential points to, the staff credential list (GET /credentials) and every service's
 * readiness probe. Each loop sends its next request when the previous one is answered.
 */
import type { Urls } from './embedded-platform';
import { SERVICES } from './embedded-platform';

export interface ReadTarget {
  credential: Record<string, unknown>;
  statusListUrl: string;
  adminToken: string;
}

export interface LoadCount {
  requests: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  errors: number;
}

export interface RunningLoad {
  stop(): Promise<Record<string, LoadCount>>;
}

/** `only`: endpoint names to load (all when empty), to see which one starves issuance. */
export function startReadLoad(urls: Urls, target: ReadTarget, connections: number, only: string[] = []): RunningLoad {
  let running = true;
  const counts: Record<string, LoadCount> = {};
  const body = JSON.stringify(target.credential);
  const endpoints: Record<string, (i: number) => Promise<Response>> = {
    'POST /verifications': () =>
      fetch(`${urls.verification}/verifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    'GET /status-lists/{id}': () => fetch(target.statusListUrl),
    'GET /credentials': () => fetch(`${urls.issuance}/credentials`, { headers: { authorization: `Bearer ${target.adminToken}` } }),
    'GET /health/ready': (i) => fetch(`${urls[SERVICES[i % SERVICES.length]!]}/health/ready`),
  };
  const loops: Promise<void>[] = [];
  for (const [name, request] of Object.entries(endpoints)) {
    if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
    const count: LoadCount = (counts[name] = { requests: 0, statuses: {}, errors: 0 });
    for (let c = 0; c < connections; c++) {
      loops.push(
        (async () => {
          for (let i = c; running; i += connections) {
            try {
              const res = await request(i);
              await res.arrayBuffer();
              count.statuses[res.status] = (count.statuses[res.status] ?? 0) + 1;
            } catch {
              count.errors++;
              await new Promise((r) => setTimeout(r, 50));
            }
            count.requests++;
          }
        })(),
      );
    }
  }
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return counts;
    },
  };
}
