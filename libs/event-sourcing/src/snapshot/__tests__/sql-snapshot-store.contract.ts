import type { SqlSnapshotStore } from '../sql-snapshot-store';

/** The behaviour both databases must show; run from a unit (PGlite) and an int (PostgreSQL) spec. */
export function sqlSnapshotStoreContract(open: () => SqlSnapshotStore): void {
  const snap = (revision: number, stateVersion = 1, state: unknown = { n: revision }) => ({
    streamId: 'demo.course-1',
    revision,
    stateVersion,
    state,
    takenAt: '2026-01-01T00:00:00.000Z',
  });

  it('round-trips a snapshot', async () => {
    const store = open();
    await store.save(snap(4, 1, { learners: ['a', 'b'], nested: { x: 1 } }));
    expect(await store.load('demo.course-1')).toEqual(snap(4, 1, { learners: ['a', 'b'], nested: { x: 1 } }));
    expect(await store.load('demo.course-2')).toBeUndefined();
  });

  it('keeps the newest revision of a state version', async () => {
    const store = open();
    await store.save(snap(9));
    await store.save(snap(5));
    expect((await store.load('demo.course-1'))?.revision).toBe(9);
  });

  it('replaces a snapshot of another state version', async () => {
    const store = open();
    await store.save(snap(9));
    await store.save(snap(2, 2));
    expect(await store.load('demo.course-1')).toMatchObject({ revision: 2, stateVersion: 2 });
    await store.delete('demo.course-1');
    expect(await store.load('demo.course-1')).toBeUndefined();
  });
}
