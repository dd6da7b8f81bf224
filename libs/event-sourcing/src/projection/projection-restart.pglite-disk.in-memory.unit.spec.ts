import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../envelope';
import { ANY_REVISION } from '../expected-revision';
import { createReadModelOrm } from '../read-model/create-read-model-orm';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { AppliedEventRows, appliedEventsProjection } from '../testing/__fixtures__/applied-events-projection';
import { ProjectionRunner } from './projection-runner';

const tick: NewEvent = {
  type: 'demo.tick',
  data: {},
  metadata: { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 's' }, correlationId: 'c' },
};

describe('projection over PGlite with its data directory on disk (in-memory event store double)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pglite-read-models-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('resumes from the stored checkpoint after the database is closed and reopened', async () => {
    const store = new InMemoryEventStore();
    for (let i = 0; i < 10; i++) await store.appendToStream('demo.clock-1', [tick], { expectedRevision: ANY_REVISION });

    const first = await createReadModelOrm({ kind: 'pglite', dataDir: dir });
    await new ProjectionRunner({ store, orm: first, projection: appliedEventsProjection, batchSize: 4 }).catchUp();
    await first.close();

    for (let i = 0; i < 5; i++) await store.appendToStream('demo.clock-1', [tick], { expectedRevision: ANY_REVISION });
    const second = await createReadModelOrm({ kind: 'pglite', dataDir: dir });
    try {
      const runner = new ProjectionRunner({ store, orm: second, projection: appliedEventsProjection, batchSize: 4 });
      await runner.prepare();
      expect(runner.position).toBe(10);
      expect(await runner.catchUp()).toEqual({ handled: 5, position: 15 });
      const em = second.em.fork();
      expect(await em.count(AppliedEventRows.entity(1))).toBe(15);
      expect(await em.count(AppliedEventRows.entity(1), { applications: { $ne: 1 } })).toBe(0);
    } finally {
      await second.close();
    }
  }, 60_000);
});
