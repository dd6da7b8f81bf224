import { DEFAULT_PROJECTION_READINESS, type ParkedEvent, type ProjectionReadinessPolicy } from '@alliance/event-sourcing';

/** A dependency the service needs to be ready (event store, bus, read model database...). */
export interface HealthIndicator {
  name: string;
  /**
   * Resolves with optional details when healthy, rejects when not. Details with `parked` above 0 (events a
   * projection could not apply and moved past) or a `degraded` reason mark the check degraded, not down.
   * Projections are judged by the service's policy (when one that is behind counts as stuck).
   */
  check(policy: ProjectionReadinessPolicy): Promise<Record<string, unknown> | void>;
  /** The events this dependency's projections parked, for `GET /parked-events`. */
  parkedEvents?(): Promise<ParkedEvent[]>;
  /**
   * Whether the dependency learned something since `at` (epoch ms) that a kept report would hide, e.g. a
   * writer that met a full disk: the next report is then made afresh instead of served from the last one.
   */
  changedSince?(at: number): boolean;
}

export interface HealthRegistryOptions {
  /** How long a report answers further readiness probes, in ms (HEALTH_READY_CACHE_MS; 0: every probe checks). */
  cacheMs?: number;
  clock?: () => number;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  service: string;
  /**
   * Checks that are up but not whole, with why (e.g. `readModel: 1 event(s) parked`). A degraded service
   * stays ready: it serves every request, and what is missing is listed for auditors (`GET /parked-events`).
   */
  degraded?: string[];
  checks: Record<string, { status: 'up' | 'down'; error?: string; [detail: string]: unknown }>;
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * Collects the indicators of a service; /health/ready reports all of them. A report (every check, the storage
 * write probe included) answers the probes of the next `cacheMs`, shared by probes arriving while it is made,
 * so frequent polling costs one round of checks per interval; an indicator that learned of a fault since
 * (`changedSince`) has the next report made afresh.
 */
export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];
  private readonly cacheMs: number;
  private readonly clock: () => number;
  private last?: { at: number; report: Promise<HealthReport> };

  constructor(
    readonly service: string,
    private readonly policy: ProjectionReadinessPolicy = DEFAULT_PROJECTION_READINESS,
    options: HealthRegistryOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 0;
    this.clock = options.clock ?? Date.now;
  }

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
    this.last = undefined;
  }

  report(): Promise<HealthReport> {
    const now = this.clock();
    const last = this.last;
    if (last && now - last.at < this.cacheMs && !this.indicators.some((i) => i.changedSince?.(last.at))) return last.report;
    const report = this.evaluate();
    if (this.cacheMs > 0) this.last = { at: now, report };
    return report;
  }

  private async evaluate(): Promise<HealthReport> {
    const results = await Promise.all(
      this.indicators.map(async (i) => {
        try {
          const details = await withTimeout(i.check(this.policy), CHECK_TIMEOUT_MS, i.name);
          return [i.name, { status: 'up' as const, ...(details ?? {}) }] as const;
        } catch (e) {
          return [i.name, { status: 'down' as const, error: (e as Error).message }] as const;
        }
      }),
    );
    const checks = Object.fromEntries(results);
    const degraded = results.flatMap(([name, r]) => {
      const reason = r.status === 'up' ? degradation(r) : undefined;
      return reason ? [`${name}: ${reason}`] : [];
    });
    return {
      status: results.every(([, r]) => r.status === 'up') ? 'ok' : 'unavailable',
      service: this.service,
      ...(degraded.length > 0 ? { degraded } : {}),
      checks,
    };
  }

  /** Every event the service's projections parked, oldest first. */
  async parkedEvents(): Promise<ParkedEvent[]> {
    const lists = await Promise.all(this.indicators.map((i) => i.parkedEvents?.() ?? Promise.resolve([])));
    return lists.flat().sort((a, b) => a.position - b.position || a.projection.localeCompare(b.projection));
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

function degradation(details: Record<string, unknown>): string | undefined {
  if (typeof details['degraded'] === 'string') return details['degraded'];
  const parked = details['parked'];
  return typeof parked === 'number' && parked > 0 ? `${parked} event(s) parked; see GET /parked-events` : undefined;
}
