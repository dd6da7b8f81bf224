/** A dependency the service needs to be ready (event store, bus, read model database...). */
export interface HealthIndicator {
  name: string;
  /** Resolves with optional details when healthy, rejects when not. */
  check(): Promise<Record<string, unknown> | void>;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  service: string;
  checks: Record<string, { status: 'up' | 'down'; error?: string; [detail: string]: unknown }>;
}

const CHECK_TIMEOUT_MS = 2000;

/** Collects the indicators of a service; /health/ready reports all of them. */
export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];

  constructor(readonly service: string) {}

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
  }

  async report(): Promise<HealthReport> {
    const results = await Promise.all(
      this.indicators.map(async (i) => {
        try {
          const details = await withTimeout(i.check(), CHECK_TIMEOUT_MS, i.name);
          return [i.name, { status: 'up' as const, ...(details ?? {}) }] as const;
        } catch (e) {
          return [i.name, { status: 'down' as const, error: (e as Error).message }] as const;
        }
      }),
    );
    const checks = Object.fromEntries(results);
    return { status: results.every(([, r]) => r.status === 'up') ? 'ok' : 'unavailable', service: this.service, checks };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name} did not answer within ${ms} ms`)), ms);
    }),
  ]);
}
