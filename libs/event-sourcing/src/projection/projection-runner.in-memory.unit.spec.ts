import { createCommandHandler } from '../decider/command-handler';
import { ANY_REVISION } from '../expected-revision';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { projectionSpecification } from '../testing/projection-specification';
import {
  AppliedEventRows,
  appliedEventsProjection,
  appliedEventsProjectionAround,
  storeWithTicks,
  TICK_METADATA as meta,
} from '../testing/__fixtures__/applied-events-projection';
import { pgliteReadModels } from '../testing/__fixtures__/pglite-read-models';
import { seatsDecider } from '../testing/__fixtures__/seats-decider';
import { CourseRows, ReservationRows, seatsProjection } from '../testing/__fixtures__/seats-projection';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { readCheckpoint } from './projection-checkpoints';
import { ProjectionRunner } from './projection-runner';

const context = { actor: { subject: 'admin' }, correlationId: 'corr' };

describe('projection runner (in-memory event store double, PGlite read models)', () => {
  const readModels = pgliteReadModels();

  describe('seats projection (given events / then rows, replayed twice)', () => {
    const spec = () => projectionSpecification({ orm: readModels.orm, projection: seatsProjection });

    it('counts reservations per course', async () => {
      await spec()
        .given([
          { type: 'demo.course-opened', data: { courseId: 'c1', capacity: 2 } },
          { type: 'demo.seat-reserved', data: { courseId: 'c1', learnerId: 'l1' } },
          { type: 'demo.seat-reserved', data: { courseId: 'c1', learnerId: 'l2' } },
          { type: 'demo.seat-released', data: { courseId: 'c1', learnerId: 'l1' } },
        ])
        .then(async ({ rows }) => {
          expect(await rows(CourseRows)).toEqual([{ course_id: 'c1', capacity: 2, reserved: 1, last_position: 4 }]);
          expect(await rows(ReservationRows)).toEqual([{ id: 'c1:l2', course_id: 'c1', learner_id: 'l2' }]);
        });
    });

    it('fails a projection that is not idempotent', async () => {
      await expect(
        projectionSpecification({ orm: readModels.orm, projection: appliedEventsProjection })
          .given([{ type: 'demo.tick', data: {} }])
          .then(() => undefined),
      ).rejects.toThrow(/not idempotent/);
    });
  });

  it('follows the log live and reports lag', async () => {
    const { orm } = readModels;
    const store = new InMemoryEventStore();
    const handler = createCommandHandler({ store, decider: seatsDecider });
    const runner = new ProjectionRunner({ store, orm, projection: { ...seatsProjection, version: 11 }, pollIntervalMs: 10 });
    await runner.start();
    await handler.handle('demo.course-c9', { kind: 'open', courseId: 'c9', capacity: 3 }, context);
    const r = await handler.handle('demo.course-c9', { kind: 'reserve', courseId: 'c9', learnerId: 'l1' }, context);
    await runner.waitFor(r.lastPosition!);
    expect(await orm.em.fork().findOneOrFail(CourseRows.entity(11), { courseId: 'c9' })).toMatchObject({ reserved: 1 });
    expect(await runner.lag()).toEqual({ checkpointName: 'demo.seats_v11', checkpoint: 2, head: 2, lag: 0 });
    expect(runner.status).toBe('live');
    await runner.stop();
    expect(runner.status).toBe('stopped');
  });

  it('moves the checkpoint to the last event of each batch, and over events it does not handle', async () => {
    const { orm } = readModels;
    const store = await storeWithTicks(10);
    await store.appendToStream('demo.other-1', [{ type: 'demo.ignored', data: {}, metadata: meta }], { expectedRevision: ANY_REVISION });
    const progress: number[] = [];
    const runner = new ProjectionRunner({
      store,
      orm,
      projection: { ...appliedEventsProjection, version: 12 },
      batchSize: 3,
      onProgress: (p) => progress.push(p.position),
    });
    expect(await runner.catchUp()).toEqual({ handled: 10, position: 11 });
    expect(progress).toEqual([3, 6, 9, 11]);
    expect(await orm.em.fork().count(AppliedEventRows.entity(12), { applications: 1 })).toBe(10);
    expect((await runner.lag()).lag).toBe(0);
  });

  it('lets two runners of the same projection race without applying an event twice', async () => {
    const { orm } = readModels;
    const store = await storeWithTicks(40);
    const projection = { ...appliedEventsProjection, version: 15 };
    const a = new ProjectionRunner({ store, orm, projection, batchSize: 3 });
    const b = new ProjectionRunner({ store, orm, projection, batchSize: 5 });
    await a.prepare();
    await b.prepare();
    await Promise.all([a.catchUp(), b.catchUp()]);
    expect(await orm.em.fork().count(AppliedEventRows.entity(15), { applications: 1 })).toBe(40);
    expect(await orm.em.fork().count(AppliedEventRows.entity(15))).toBe(40);
  });

  it('rolls a failing batch back whole and, with parking switched off, never skips it', async () => {
    const { orm } = readModels;
    const store = await storeWithTicks(4);
    let broken = true;
    const flaky = appliedEventsProjectionAround(13, async (n, apply) => {
      await apply();
      if (broken && n === 2) throw new Error('handler bug');
    });
    const errors: unknown[] = [];
    const runner = new ProjectionRunner({
      store,
      orm,
      projection: flaky,
      batchSize: 10,
      pollIntervalMs: 5,
      maxRetryDelayMs: 20,
      parkAfterAttempts: false,
      onError: (e) => errors.push(e),
    });
    await runner.start();
    while (errors.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(runner.status).toBe('failing');
    expect(await orm.em.fork().count(AppliedEventRows.entity(13))).toBe(0);
    expect(await readCheckpoint(orm.em.fork(), 'demo.applied-events_v13')).toBe(0);
    broken = false;
    await runner.waitFor(4);
    await runner.stop();
    expect(await orm.em.fork().count(AppliedEventRows.entity(13), { applications: 1 })).toBe(4);
  });

  it('upcasts events before handing them to handlers', async () => {
    const { orm } = readModels;
    const store = new InMemoryEventStore();
    await store.appendToStream(
      'demo.course-c1',
      [{ type: 'demo.course-opened', schemaVersion: 1, data: { courseId: 'c1', seats: 7 }, metadata: meta }],
      {
        expectedRevision: ANY_REVISION,
      },
    );
    const upcasters = new UpcasterRegistry().register<{ courseId: string; seats: number }>('demo.course-opened', 1, (d) => ({
      courseId: d.courseId,
      capacity: d.seats,
    }));
    const runner = new ProjectionRunner({ store, orm, projection: { ...seatsProjection, version: 14 }, upcasters });
    await runner.catchUp();
    expect(await orm.em.fork().findOneOrFail(CourseRows.entity(14), { courseId: 'c1' })).toMatchObject({ capacity: 7 });
  });
});
