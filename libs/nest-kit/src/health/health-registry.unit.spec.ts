import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParkedEvent, type ProjectionReadiness, type ProjectionRunner, StorageFaultLog } from '@alliance/event-sourcing';
import { HealthRegistry } from './health-registry';
import { projectionReadinessCheck } from './projection-health';
import { storageHealthCheck } from './storage-health';

const parked = (position: number, projection: string): ParkedEvent => ({
  projection,
  eventId: `e${position}`,
  position,
  streamId: 'demo.thing-1',
  type: 'demo.happened',
  reason: 'cannot apply',
  errorName: 'Error',
  attempts: 3,
  parkedAt: '2026-06-30T12:00:00.000Z',
});

describe('health registry', () => {
  it('stays ready with parked events, naming the degraded check, and lists every parked event oldest first', async () => {
    const registry = new HealthRegistry('demo');
    registry.register({ name: 'eventStore', check: async () => ({ head: 9 }) });
    registry.register({
      name: 'readModel',
      check: async () => ({ lag: 0, parked: 2 }),
      parkedEvents: async () => [parked(7, 'demo.b_v1'), parked(3, 'demo.a_v1')],
    });
    registry.register({
      name: 'projections',
      check: async () => ({ degraded: 'one projection rebuilding' }),
      parkedEvents: async () => [parked(5, 'demo.c_v1')],
    });
    const report = await registry.report();
    expect(report.status).toBe('ok');
    expect(report.degraded).toEqual(['readModel: 2 event(s) parked; see GET /parked-events', 'projections: one projection rebuilding']);
    expect((await registry.parkedEvents()).map((p) => p.position)).toEqual([3, 5, 7]);
  });

  it('reports neither degraded nor parked events when every check is whole, and is unavailable when one is down', async () => {
    const registry = new HealthRegistry('demo');
    registry.register({ name: 'readModel', check: async () => ({ lag: 0 }) });
    expect(await registry.report()).toEqual({ status: 'ok', service: 'demo', checks: { readModel: { status: 'up', lag: 0 } } });
    expect(await registry.parkedEvents()).toEqual([]);
    registry.register({
      name: 'bus',
      check: async () => {
        throw new Error('broker down');
      },
    });
    expect(await registry.report()).toMatchObject({ status: 'unavailable', checks: { bus: { status: 'down', error: 'broker down' } } });
  });

  it('hands every check the service policy; a read model behind but moving stays up, not degraded, and a stuck one is down with its cause (runner readiness stubbed)', async () => {
    const seen: unknown[] = [];
    let readiness: ProjectionReadiness = {
      checkpointName: 'demo.a_v1',
      checkpoint: 700,
      head: 1000,
      lag: 300,
      status: 'catching-up',
      state: 'catching-up',
      eventsPerSecond: 120,
      etaSeconds: 3,
      stalledForMs: 40,
    };
    const runner = { readiness: async (policy: unknown) => (seen.push(policy), readiness) } as unknown as ProjectionRunner;
    const registry = new HealthRegistry('demo', { stuckAfterMs: 45_000 });
    registry.register({ name: 'readModel', check: projectionReadinessCheck(() => runner) });
    expect(await registry.report()).toEqual({
      status: 'ok',
      service: 'demo',
      checks: {
        readModel: {
          status: 'up',
          checkpointName: 'demo.a_v1',
          checkpoint: 700,
          head: 1000,
          lag: 300,
          projection: 'catching-up',
          state: 'catching-up',
          eventsPerSecond: 120,
          etaSeconds: 3,
          stalledForMs: 40,
        },
      },
    });
    expect(seen).toEqual([{ stuckAfterMs: 45_000 }]);
    readiness = {
      ...readiness,
      status: 'failing',
      state: 'stuck',
      cause: 'no progress for 45 s while 300 event(s) behind; last error: boom',
      lastError: 'boom',
    };
    expect(await registry.report()).toMatchObject({
      status: 'unavailable',
      checks: {
        readModel: {
          status: 'down',
          error: 'read model stuck, 300 events behind: no progress for 45 s while 300 event(s) behind; last error: boom',
        },
      },
    });
  });

  describe('kept reports (HEALTH_READY_CACHE_MS)', () => {
    it('answers probes within the interval from one round of checks, shared by probes arriving while it runs, and checks again after it', async () => {
      let now = 1_000;
      let rounds = 0;
      const registry = new HealthRegistry('demo', undefined, { cacheMs: 1000, clock: () => now });
      registry.register({ name: 'readModel', check: async () => ({ round: ++rounds }) });
      const concurrent = await Promise.all([registry.report(), registry.report(), registry.report()]);
      expect(concurrent.map((r) => r.checks.readModel!['round'])).toEqual([1, 1, 1]);
      now += 999;
      expect((await registry.report()).checks.readModel!['round']).toBe(1);
      now += 1;
      expect((await registry.report()).checks.readModel!['round']).toBe(2);
    });

    it('makes the next report afresh once a writer met a storage fault, instead of serving the kept ready one (real data folder)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ready-cache-'));
      try {
        const faults = new StorageFaultLog();
        const registry = new HealthRegistry('demo', undefined, { cacheMs: 60_000 });
        registry.register(storageHealthCheck({ dataDir: dir, faults }));
        expect(await registry.report()).toMatchObject({ status: 'ok', checks: { storage: { status: 'up', probe: 'writable' } } });
        expect(
          faults.fault(
            'event store',
            Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
            join(dir, 'events.db'),
          ),
        ).toBe(true);
        expect(await registry.report()).toMatchObject({
          status: 'unavailable',
          checks: { storage: { status: 'down', error: expect.stringMatching(/^disk-full: event store/) } },
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('checks on every probe when the interval is 0', async () => {
      let rounds = 0;
      const registry = new HealthRegistry('demo', undefined, { cacheMs: 0 });
      registry.register({ name: 'bus', check: async () => ({ round: ++rounds }) });
      await registry.report();
      expect((await registry.report()).checks.bus!['round']).toBe(2);
    });
  });
});
