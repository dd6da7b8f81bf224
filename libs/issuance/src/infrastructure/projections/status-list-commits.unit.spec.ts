import { ANY_REVISION, createReadModelOrm, InMemoryEventStore, ProjectionRunner } from '@alliance/event-sourcing';
import { credentialLifecycleEvents } from './__fixtures__/credential-events.fixture';
import { noteListChanged, watchStatusListCommits } from './status-list-commits';
import { statusListsProjection } from './status-lists.projection';
import { StatusEntryRows } from './status-rows';
import { pgliteReadModelForSpecs } from '../../__fixtures__/pglite-read-model.fixture';

const meta = { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 's' }, correlationId: 'c' };

describe('status list changes reported after commit (in-memory event store double, PGlite read model)', () => {
  const readModel = pgliteReadModelForSpecs();

  it('reports a list once its changed bits are committed, and nothing for events that change no bit', async () => {
    const orm = readModel();
    const seen: { listId: string; suspended: Promise<boolean | undefined> }[] = [];
    // What a reader sees at the moment of the report: the committed bit.
    const suspendedNow = () =>
      orm.em
        .fork()
        .findOne(statusListsProjection.entity(StatusEntryRows), { id: 'L1:5' })
        .then((r) => r?.suspended);
    watchStatusListCommits(orm, (listId) => seen.push({ listId, suspended: suspendedNow() }));
    const store = new InMemoryEventStore();
    const runner = new ProjectionRunner({ store, orm, projection: statusListsProjection });
    const events = credentialLifecycleEvents();
    const append = async (from: number, to: number) => {
      for (const e of events.slice(from, to))
        await store.appendToStream(e.streamId, [{ type: e.type, data: e.data, metadata: meta }], { expectedRevision: ANY_REVISION });
      await runner.catchUp();
    };

    await append(0, 5); // opened, drafted, proofs, issued: no bit changed
    expect(seen).toEqual([]);
    await append(5, 6); // suspended
    expect(seen.map((s) => s.listId)).toEqual(['L1']);
    expect(await seen[0]!.suspended).toBe(true);
    await append(6, 8); // reinstated and revoked in one batch: one report
    expect(seen.map((s) => s.listId)).toEqual(['L1', 'L1']);
    expect(await seen[1]!.suspended).toBe(false);
    expect(() => watchStatusListCommits(orm, () => undefined)).toThrow(/already watched/);
  });

  it('reports nothing for a change whose transaction rolled back', async () => {
    const other = await createReadModelOrm({ kind: 'pglite', dataDir: 'memory://' });
    try {
      const seen: string[] = [];
      watchStatusListCommits(other, (listId) => seen.push(listId));
      await expect(
        other.em.fork().transactional(async (em) => {
          noteListChanged(em, 'L9');
          throw new Error('handler failed');
        }),
      ).rejects.toThrow('handler failed');
      expect(seen).toEqual([]);
      await other.em.fork().transactional(async (em) => {
        noteListChanged(em, 'L8');
        expect(seen).toEqual([]);
      });
      expect(seen).toEqual(['L8']);
    } finally {
      await other.close();
    }
  }, 30_000);
});
