import { createCommandHandler } from '../decider/command-handler';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { seatsDecider, type SeatsCommand, type SeatsEvent, type SeatsState } from '../testing/__fixtures__/seats-decider';
import { InMemorySnapshotStore } from './in-memory-snapshot-store';
import type { SnapshotStore } from './snapshot-store.port';

const context = { actor: { subject: 'a' }, correlationId: 'c' };
const stream = 'demo.course-c1';

async function fill(handler: ReturnType<typeof createCommandHandler<SeatsCommand, SeatsState, SeatsEvent>>, learners: number) {
  await handler.handle(stream, { kind: 'open', courseId: 'c1', capacity: 100 }, context);
  for (let i = 0; i < learners; i++) await handler.handle(stream, { kind: 'reserve', courseId: 'c1', learnerId: `l${i}` }, context);
}

describe('snapshots (in-memory event store double)', () => {
  it('takes one every N events and loads from it, with the same state as a full replay', async () => {
    const store = new InMemoryEventStore();
    const snapshots = new InMemorySnapshotStore();
    const withSnapshots = createCommandHandler({
      store,
      decider: seatsDecider,
      snapshots: { store: snapshots, every: 5, stateVersion: 1 },
    });
    await fill(withSnapshots, 12);

    expect((await snapshots.load(stream))?.revision).toBe(9);
    const fast = await withSnapshots.load(stream);
    expect(fast).toMatchObject({ revision: 12, snapshotRevision: 9, eventsRead: 3 });

    const plain = createCommandHandler({ store, decider: seatsDecider });
    const full = await plain.load(stream);
    expect(full.eventsRead).toBe(13);
    expect(fast.state).toEqual(full.state);
  });

  it('ignores snapshots of another state version', async () => {
    const store = new InMemoryEventStore();
    const snapshots = new InMemorySnapshotStore();
    await fill(createCommandHandler({ store, decider: seatsDecider, snapshots: { store: snapshots, every: 2, stateVersion: 1 } }), 4);
    const v2 = createCommandHandler({ store, decider: seatsDecider, snapshots: { store: snapshots, every: 2, stateVersion: 2 } });
    expect(await v2.load(stream)).toMatchObject({ revision: 4, snapshotRevision: undefined, eventsRead: 5 });
  });

  it('never fails a command because the snapshot store fails', async () => {
    const errors: unknown[] = [];
    const broken: SnapshotStore = {
      load: () => Promise.reject(new Error('down')),
      save: () => Promise.reject(new Error('down')),
      delete: () => Promise.reject(new Error('down')),
    };
    const store = new InMemoryEventStore();
    const handler = createCommandHandler({
      store,
      decider: seatsDecider,
      snapshots: { store: broken, every: 1, stateVersion: 1, onError: (e) => errors.push(e) },
    });
    await fill(handler, 2);
    expect((await handler.load(stream)).state.learners).toEqual(['l0', 'l1']);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('distrusts a snapshot ahead of its stream', async () => {
    const store = new InMemoryEventStore();
    const snapshots = new InMemorySnapshotStore();
    await snapshots.save({
      streamId: stream,
      revision: 7,
      stateVersion: 1,
      state: { opened: true, capacity: 1, learners: ['ghost'] },
      takenAt: 'x',
    });
    const handler = createCommandHandler({
      store,
      decider: seatsDecider,
      snapshots: { store: snapshots, every: 100, stateVersion: 1, onError: () => {} },
    });
    await handler.handle(stream, { kind: 'open', courseId: 'c1', capacity: 1 }, context).catch(() => undefined);
    // The ghost snapshot would have made "open" fail as already open; nothing in the stream says so.
    expect(await store.streamRevision(stream)).toBe(0);
  });
});
