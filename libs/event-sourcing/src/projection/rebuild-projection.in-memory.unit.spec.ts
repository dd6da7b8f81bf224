import { createCommandHandler } from '../decider/command-handler';
import { compareTables } from '../read-model/compare-tables';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { pgliteReadModels } from '../testing/__fixtures__/pglite-read-models';
import { seatsDecider } from '../testing/__fixtures__/seats-decider';
import { CourseRows, ReservationRows, seatsProjection } from '../testing/__fixtures__/seats-projection';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild-projection';

const context = { actor: { subject: 'admin' }, correlationId: 'corr' };

describe('rebuild (in-memory event store double, PGlite read models)', () => {
  const readModels = pgliteReadModels();

  it('rebuilds from position zero into a fresh version equal to the live one', async () => {
    const { orm } = readModels;
    const store = new InMemoryEventStore();
    const handler = createCommandHandler({ store, decider: seatsDecider });
    const projection = { ...seatsProjection, version: 21 };
    const live = new ProjectionRunner({ store, orm, projection, batchSize: 2 });
    await live.prepare();
    for (let c = 0; c < 5; c++) {
      const course = `k${c}`;
      await handler.handle(`demo.course-${course}`, { kind: 'open', courseId: course, capacity: 4 }, context);
      for (let l = 0; l < 4; l++)
        await handler.handle(`demo.course-${course}`, { kind: 'reserve', courseId: course, learnerId: `l${l}` }, context);
      await handler.handle(`demo.course-${course}`, { kind: 'release', courseId: course, learnerId: 'l1' }, context);
      await live.runBatch(); // live processing interleaved with appends, in small batches
    }
    await live.catchUp();

    await expect(rebuildProjection({ store, orm, projection, intoVersion: 21 })).rejects.toThrow(/live version/);
    const progress: number[] = [];
    const report = await rebuildProjection({
      store,
      orm,
      projection,
      intoVersion: 22,
      batchSize: 7,
      onProgress: (p) => progress.push(p.ratio),
    });
    expect(report).toMatchObject({ checkpointName: 'demo.seats_v22', version: 22, handled: 30, position: 30 });
    expect(progress[progress.length - 1]).toBe(1);
    for (const model of [CourseRows, ReservationRows]) {
      const diff = await compareTables(orm.em, model.table(21), model.table(22));
      expect(diff).toMatchObject({ equal: true });
      expect(diff.rowsA).toBeGreaterThan(0);
    }
    // A second rebuild into the same version starts over from empty tables.
    expect((await rebuildProjection({ store, orm, projection, intoVersion: 22 })).handled).toBe(30);
    expect((await compareTables(orm.em, CourseRows.table(21), CourseRows.table(22))).equal).toBe(true);
  });
});
