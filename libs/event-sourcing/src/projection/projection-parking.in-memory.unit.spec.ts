import { ANY_REVISION } from '../expected-revision';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import {
  AppliedEventRows,
  appliedEventsProjectionAround,
  storeWithTicks,
  TICK_METADATA as meta,
} from '../testing/__fixtures__/applied-events-projection';
import { pgliteReadModels } from '../testing/__fixtures__/pglite-read-models';
import { CourseRows, seatsProjection } from '../testing/__fixtures__/seats-projection';
import type { ParkedEvent } from './parked-events';
import type { ProjectionDefinition } from './projection';
import { readCheckpoint } from './projection-checkpoints';
import { ProjectionRunner } from './projection-runner';

/** The applied-events projection at `version`, whose handler throws for the ticks `fails` says (after writing, so a rollback shows). */
function failingOn(version: number, fails: (n: number, attempt: number) => boolean) {
  const attempts = new Map<number, number>();
  const projection = appliedEventsProjectionAround(version, async (n, apply) => {
    await apply();
    const attempt = (attempts.get(n) ?? 0) + 1;
    attempts.set(n, attempt);
    if (fails(n, attempt)) throw new Error(`cannot apply tick ${n}`);
  });
  return { projection, attempts };
}

describe('projection runner: events a handler cannot apply (in-memory event store double, PGlite read models)', () => {
  const readModels = pgliteReadModels();

  /** Runs `projection` live over five ticks, parking after three attempts, and collects what it reports and the rows it wrote. */
  async function runLiveOverFiveTicks(projection: ProjectionDefinition) {
    const store = await storeWithTicks(5);
    const errors: unknown[] = [];
    const parked: ParkedEvent[] = [];
    const runner = new ProjectionRunner({
      store,
      orm: readModels.orm,
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
    const applied = await readModels.orm.em.fork().find(AppliedEventRows.entity(projection.version), {}, { orderBy: { position: 'asc' } });
    return { store, runner, errors, parked, applied };
  }

  it('parks the event after the attempts allowed, applies every other one, and reports it', async () => {
    const { projection, attempts } = failingOn(31, (n) => n === 2);
    const { store, runner, errors, parked, applied } = await runLiveOverFiveTicks(projection);
    expect(applied.map((r) => [r.position, r.applications])).toEqual([
      [1, 1],
      [2, 1],
      [4, 1],
      [5, 1],
    ]);
    expect(attempts.get(2)).toBe(3);
    expect(errors).toHaveLength(3);
    const [event] = await store.readStream('demo.clock-1', { fromRevision: 2, maxCount: 1 });
    const expected = {
      projection: 'demo.applied-events_v31',
      eventId: event!.eventId,
      position: 3,
      streamId: 'demo.clock-1',
      type: 'demo.tick',
      reason: 'cannot apply tick 2',
      errorName: 'Error',
      attempts: 3,
    };
    expect(parked).toEqual([expect.objectContaining(expected)]);
    expect(await runner.parked()).toEqual([expect.objectContaining(expected)]);
    expect(await runner.lag()).toMatchObject({ checkpoint: 5, lag: 0, parked: 1 });
    expect(await readCheckpoint(readModels.orm.em.fork(), 'demo.applied-events_v31')).toBe(5);
  });

  it('retries an event whose writes the disk refused past the parking limit, parks nothing, and applies it once space returns', async () => {
    const attempts = new Map<number, number>();
    // PGlite's words when a table cannot grow on a full disk; the first six tries of tick 2 meet it.
    const projection = appliedEventsProjectionAround(41, async (n, apply) => {
      const attempt = (attempts.get(n) ?? 0) + 1;
      attempts.set(n, attempt);
      if (n === 2 && attempt <= 6) throw new Error('could not extend file "base/5/16425": No space left on device');
      await apply();
    });
    const { runner, errors, parked, applied } = await runLiveOverFiveTicks(projection);
    expect(applied.map((r) => [r.position, r.applications])).toEqual([1, 2, 3, 4, 5].map((p) => [p, 1]));
    expect(attempts.get(2)).toBe(7);
    expect(errors).toHaveLength(6);
    expect(parked).toEqual([]);
    expect(await runner.parked()).toEqual([]);
  });

  it('catches up the same way: the retries end with the event parked, not with an error', async () => {
    const { orm } = readModels;
    const store = await storeWithTicks(4);
    const { projection } = failingOn(32, (n) => n === 0 || n === 3);
    const runner = new ProjectionRunner({ store, orm, projection, batchSize: 2, parkAfterAttempts: 2 });
    expect(await runner.catchUp()).toMatchObject({ position: 4 });
    expect((await runner.parked()).map((p) => [p.position, p.attempts])).toEqual([
      [1, 2],
      [4, 2],
    ]);
    expect(await orm.em.fork().count(AppliedEventRows.entity(32))).toBe(2);
  });

  it('applies an event whose handler failed fewer times than allowed, and parks nothing', async () => {
    const { orm } = readModels;
    const store = await storeWithTicks(3);
    const { projection, attempts } = failingOn(33, (n, attempt) => n === 1 && attempt < 3);
    const runner = new ProjectionRunner({ store, orm, projection, parkAfterAttempts: 3 });
    await runner.catchUp();
    expect(attempts.get(1)).toBe(3);
    expect(await runner.parked()).toEqual([]);
    expect(await orm.em.fork().count(AppliedEventRows.entity(33), { applications: 1 })).toBe(3);
    expect(await runner.lag()).not.toHaveProperty('parked');
  });

  it('keeps the back-off of a failing runner while a write waits for it (no busy retry loop)', async () => {
    const store = await storeWithTicks(1);
    const { projection, attempts } = failingOn(34, () => true);
    const runner = new ProjectionRunner({ store, orm: readModels.orm, projection, parkAfterAttempts: false, pollIntervalMs: 5 });
    await runner.start();
    await expect(runner.waitFor(1, 600)).rejects.toThrow(/did not reach 1/);
    await runner.stop();
    // Back-off 200 ms, then 400 ms: three attempts at most in 600 ms, where pokes every 5 ms made a hundred.
    expect(attempts.get(0)).toBeLessThanOrEqual(3);
    expect(runner.status).toBe('stopped');
  });

  it('repairs a NUL or an unpaired surrogate of a stored event on read: the read model takes it, the log keeps it', async () => {
    // The test double stores what it is given: the state of a log written before appends refused such text.
    const { orm } = readModels;
    const store = new InMemoryEventStore();
    await store.appendToStream(
      'demo.course-1',
      [{ type: 'demo.course-opened', data: { courseId: 'c\u0000x', capacity: 2 }, metadata: meta }],
      { expectedRevision: ANY_REVISION },
    );
    await store.appendToStream(
      'demo.course-2',
      [{ type: 'demo.course-opened', data: { courseId: 'd\ud800', capacity: 3 }, metadata: { ...meta, actor: { subject: 'u\u0000' } } }],
      {
        expectedRevision: ANY_REVISION,
      },
    );
    const runner = new ProjectionRunner({ store, orm, projection: { ...seatsProjection, version: 35 }, parkAfterAttempts: 1 });
    await runner.catchUp();
    const rows = await orm.em.fork().find(CourseRows.entity(35), {}, { orderBy: { courseId: 'asc' } });
    expect(rows.map((r) => [r.courseId, r.capacity])).toEqual([
      ['c\uFFFDx', 2],
      ['d\uFFFD', 3],
    ]);
    expect(await runner.parked()).toEqual([]);
    const [stored] = await store.readStream('demo.course-1');
    expect((stored!.data as { courseId: string }).courseId).toBe('c\u0000x');
  });
});
