import {
  AppliedEventRows,
  appliedEventsProjection,
  appliedEventsProjectionAround,
  storeWithTicks,
} from '../testing/__fixtures__/applied-events-projection';
import { pgliteReadModels } from '../testing/__fixtures__/pglite-read-models';
import { readCheckpoint } from './projection-checkpoints';
import { MIN_EVENTS_PER_BATCH, ProjectionRunner } from './projection-runner';

describe('projection runner batches bounded by time (in-memory event store double, PGlite read models)', () => {
  const readModels = pgliteReadModels();

  it('ends a batch past its time bound at the last applied event, and the next batches apply the rest exactly once', async () => {
    const { orm } = readModels;
    const total = MIN_EVENTS_PER_BATCH * 2 + 10;
    const store = await storeWithTicks(total);
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
    const store = await storeWithTicks(100);
    let handled = 0;
    const slow = appliedEventsProjectionAround(22, async (_n, apply) => {
      const until = performance.now() + 1;
      while (performance.now() < until);
      await apply();
      handled += 1;
    });
    const runner = new ProjectionRunner({ store, orm: readModels.orm, projection: slow, batchSize: 500 });
    await runner.prepare();
    let handledWhenTimerRan: number | undefined;
    setTimeout(() => (handledWhenTimerRan = handled), 0);
    expect(await runner.runBatch()).toEqual({ handled: 100, position: 100, atHead: true });
    // Over 100 ms of handler work: a timer due at once ran before the batch's last event, not after its commit.
    expect(handledWhenTimerRan).toBeDefined();
    expect(handledWhenTimerRan!).toBeLessThan(100);
  });
});
