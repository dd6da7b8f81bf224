import type { NewEvent } from '../envelope';
import { PGLITE_START_BUDGET_MS, startPgliteForSpecs } from '../testing/pglite-for-specs';
import { ANY_REVISION } from '../expected-revision';
import { type ReadModelOrm } from '../read-model/create-read-model-orm';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { AppliedEventRows, appliedEventsProjection } from '../testing/__fixtures__/applied-events-projection';
import { defineProjection } from './projection';
import { readCheckpoint } from './projection-checkpoints';
import { MIN_EVENTS_PER_BATCH, ProjectionRunner } from './projection-runner';

const meta = { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 's' }, correlationId: 'c' };
const tick = (n: number): NewEvent => ({ type: 'demo.tick', data: { n }, metadata: meta });

describe('projection runner batches bounded by time (in-memory event store double, PGlite read models)', () => {
  let orm: ReadModelOrm;
  beforeAll(async () => {
    orm = await startPgliteForSpecs();
  }, PGLITE_START_BUDGET_MS);
  afterAll(() => orm.close());

  it('ends a batch past its time bound at the last applied event, and the next batches apply the rest exactly once', async () => {
    const store = new InMemoryEventStore();
    const total = MIN_EVENTS_PER_BATCH * 2 + 10;
    for (let i = 0; i < total; i++) await store.appendToStream('demo.clock-1', [tick(i)], { expectedRevision: ANY_REVISION });
    const progress: number[] = [];
    // A bound of 0 ms: every batch ends as soon as it applied the minimum.
    const runner = new ProjectionRunner({
      store,
      orm,
      projection: { ...appliedEventsProjection, version: 21 },
      batchSize: 500,
      maxBatchMs: 0,
      onProgress: (p) => progress.push(p.position),
    });

    const first = await runner.runBatch();
    expect(first).toEqual({ handled: MIN_EVENTS_PER_BATCH, position: MIN_EVENTS_PER_BATCH, atHead: false });
    expect(await readCheckpoint(orm.em.fork(), 'demo.applied-events_v21')).toBe(MIN_EVENTS_PER_BATCH);
    expect(await orm.em.fork().count(AppliedEventRows.entity(21))).toBe(MIN_EVENTS_PER_BATCH);

    expect(await runner.catchUp()).toEqual({ handled: total - MIN_EVENTS_PER_BATCH, position: total });
    expect(progress).toEqual([MIN_EVENTS_PER_BATCH, MIN_EVENTS_PER_BATCH * 2, total]);
    expect(await orm.em.fork().count(AppliedEventRows.entity(21), { applications: 1 })).toBe(total);
    expect(await orm.em.fork().count(AppliedEventRows.entity(21))).toBe(total);
    expect((await runner.lag()).lag).toBe(0);
  });

  it('without a time bound, takes the whole batch in one transaction, and lets other work run between its events', async () => {
    const store = new InMemoryEventStore();
    for (let i = 0; i < 100; i++) await store.appendToStream('demo.clock-1', [tick(i)], { expectedRevision: ANY_REVISION });
    let handled = 0;
    const slow = defineProjection({
      ...appliedEventsProjection,
      version: 22,
      handlers: {
        'demo.tick': async (e, ctx) => {
          const until = performance.now() + 1;
          while (performance.now() < until);
          await appliedEventsProjection.handlers['demo.tick'](e, ctx);
          handled += 1;
        },
      },
    });
    const runner = new ProjectionRunner({ store, orm, projection: slow, batchSize: 500 });
    await runner.prepare();
    let handledWhenTimerRan: number | undefined;
    setTimeout(() => (handledWhenTimerRan = handled), 0);
    expect(await runner.runBatch()).toEqual({ handled: 100, position: 100, atHead: true });
    // Over 100 ms of handler work: a timer due at once ran before the batch's last event, not after its commit.
    expect(handledWhenTimerRan).toBeDefined();
    expect(handledWhenTimerRan!).toBeLessThan(100);
  });
});
