import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import { PgCheckpointStore } from './pg-checkpoint-store';

describe('PgCheckpointStore', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase('relay_checkpoints')));
  afterAll(() => db.drop());

  it('starts at 0, keeps one position per relay, and survives two replicas creating the table at once', async () => {
    const a = new PgCheckpointStore({ url: db.url, schema: 'public' });
    const b = new PgCheckpointStore({ url: db.url });
    try {
      expect(await Promise.all([a.load('catalogue'), b.load('catalogue')])).toEqual([0, 0]);
      await a.save('catalogue', 10);
      await b.save('catalogue', 12);
      await a.save('issuance', 3);
      expect(await b.load('catalogue')).toBe(12);
      expect(await a.load('issuance')).toBe(3);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('creates its schema when it is not public', async () => {
    const store = new PgCheckpointStore({ url: db.url, schema: 'catalogue_outbox' });
    try {
      await store.save('catalogue', 7);
      expect(await store.load('catalogue')).toBe(7);
    } finally {
      await store.close();
    }
  });

  it('lets six replicas create the same new schema and table at once, round after round', async () => {
    for (let round = 0; round < 5; round++) {
      const schema = `race_${round}`;
      const replicas = Array.from({ length: 6 }, () => new PgCheckpointStore({ url: db.url, schema }));
      try {
        await Promise.all(replicas.map((replica, i) => replica.save(`relay-${i}`, i + 1)));
        expect(await Promise.all(replicas.map((replica, i) => replica.load(`relay-${i}`)))).toEqual([1, 2, 3, 4, 5, 6]);
      } finally {
        await Promise.all(replicas.map((replica) => replica.close()));
      }
    }
  });

  it('refuses a schema name that would need quoting', () => {
    expect(() => new PgCheckpointStore({ url: db.url, schema: 'x"; drop' })).toThrow(TypeError);
  });
});
