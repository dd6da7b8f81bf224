import type { NewEvent } from '../envelope';
import { PGLITE_START_BUDGET_MS, startPgliteForSpecs } from '../testing/pglite-for-specs';
import { ANY_REVISION } from '../expected-revision';
import { type ReadModelOrm } from '../read-model/create-read-model-orm';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { AppliedEventRows, appliedEventsProjection } from '../testing/__fixtures__/applied-events-projection';
import type { ParkedEvent } from './parked-events';
import { defineProjection } from './projection';
import { ProjectionRunner } from './projection-runner';

const meta = { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 's' }, correlationId: 'c' };
const tick = (n: number): NewEvent => ({ type: 'demo.tick', data: { n }, metadata: meta });

describe('projection runner on a full disk (in-memory event store double, PGlite read models)', () => {
  let orm: ReadModelOrm;
  beforeAll(async () => {
    orm = await startPgliteForSpecs();
  }, PGLITE_START_BUDGET_MS);
  afterAll(() => orm.close());

  it('retries an event whose writes the disk refused past the parking limit, parks nothing, and applies it once space returns', async () => {
    const store = new InMemoryEventStore();
    for (let i = 0; i < 5; i++) await store.appendToStream('demo.clock-1', [tick(i)], { expectedRevision: ANY_REVISION });
    const attempts = new Map<number, number>();
    // PGlite's words when a table cannot grow on a full disk; the first six tries of tick 2 meet it.
    const projection = defineProjection({
      ...appliedEventsProjection,
      version: 41,
      handlers: {
        'demo.tick': async (e, ctx) => {
          const n = (e.data as { n: number }).n;
          const attempt = (attempts.get(n) ?? 0) + 1;
          attempts.set(n, attempt);
          if (n === 2 && attempt <= 6) throw new Error('could not extend file "base/5/16425": No space left on device');
          await appliedEventsProjection.handlers['demo.tick'](e, ctx);
        },
      },
    });
    const errors: unknown[] = [];
    const parked: ParkedEvent[] = [];
    const runner = new ProjectionRunner({
      store,
      orm,
      projection,
      pollIntervalMs: 5,
      maxRetryDelayMs: 10,
      parkAfterAttempts: 3,
      onError: (e) => errors.push(e),
      onParked: (p) => parked.push(p),
    });
    await runner.start();
    await runner.waitFor(5);
    await runner.stop();

    const applied = await orm.em.fork().find(AppliedEventRows.entity(41), {}, { orderBy: { position: 'asc' } });
    expect(applied.map((r) => [r.position, r.applications])).toEqual([1, 2, 3, 4, 5].map((p) => [p, 1]));
    expect(attempts.get(2)).toBe(7);
    expect(errors).toHaveLength(6);
    expect(parked).toEqual([]);
    expect(await runner.parked()).toEqual([]);
  });
});
