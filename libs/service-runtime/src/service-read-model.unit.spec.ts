import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReadModelOrm, schemaPinnedLocation } from '@alliance/event-sourcing';
import { ServiceConfig } from '@alliance/nest-kit';
import { openServiceReadModel, serviceReadModelLocation } from './service-read-model';

const config = (overrides: Partial<ServiceConfig>) => Object.assign(new ServiceConfig(), overrides);
const DATABASE_URL = 'postgres://app@db:5432/alliance?sslmode=require';

describe('serviceReadModelLocation', () => {
  it('is PGlite under DATA_DIR/<service>/read-model when embedded, whatever the pinning', () => {
    for (const pinning of ['url', 'connection'] as const) {
      expect(serviceReadModelLocation(config({ DATA_DIR: '/data' }), { service: 'catalogue', schema: 'catalogue_read', pinning })).toEqual({
        kind: 'pglite',
        dataDir: join('/data', 'catalogue', 'read-model'),
      });
    }
  });

  it('is DATABASE_URL when distributed, with search_path in the URL only when pinned by url', () => {
    const distributed = config({ READ_MODEL: 'postgres', DATABASE_URL });
    expect(serviceReadModelLocation(distributed, { service: 'assessment', schema: 'assessment_read', pinning: 'connection' })).toEqual({
      kind: 'postgres',
      url: DATABASE_URL,
    });
    const pinned = serviceReadModelLocation(distributed, { service: 'issuance', schema: 'issuance_read', pinning: 'url' });
    expect(pinned).toEqual(schemaPinnedLocation({ kind: 'postgres', url: DATABASE_URL }, 'issuance_read'));
    expect(new URL((pinned as { url: string }).url).searchParams.get('options')).toBe('-c search_path=issuance_read');
  });
});

describe('openServiceReadModel', () => {
  // PGlite on disk takes a while to start on a loaded machine.
  jest.setTimeout(120_000);

  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'service-read-model-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates the PGlite folder, prepares the tables beside the read models and hands the database open', async () => {
    const orm = await openServiceReadModel(config({ DATA_DIR: dir }), {
      service: 'demo',
      schema: 'demo_read',
      pinning: 'connection',
      prepare: (db) =>
        db.em
          .fork()
          .execute('create table demo_inbox (event_id text primary key)')
          .then(() => undefined),
    });
    try {
      expect((await stat(join(dir, 'demo', 'read-model'))).isDirectory()).toBe(true);
      await orm.em.fork().execute(`insert into demo_inbox values ('e-1')`);
      expect(await orm.em.fork().execute('select event_id from demo_inbox')).toEqual([{ event_id: 'e-1' }]);
    } finally {
      await orm.close();
    }
  });

  it('closes the database when preparing it fails', async () => {
    let opened: ReadModelOrm | undefined;
    let closed = false;
    const failing = openServiceReadModel(config({ DATA_DIR: dir }), {
      service: 'demo',
      schema: 'demo_read',
      pinning: 'url',
      prepare: async (db) => {
        opened = db;
        const close = db.close.bind(db);
        db.close = async (force?: boolean) => {
          closed = true;
          return close(force);
        };
        throw new Error('inbox table refused');
      },
    });
    await expect(failing).rejects.toThrow('inbox table refused');
    expect(opened).toBeDefined();
    expect(closed).toBe(true);
  });

  it('refuses a schema name it would have to quote before connecting anywhere', async () => {
    await expect(
      openServiceReadModel(config({ READ_MODEL: 'postgres', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }), {
        service: 'demo',
        schema: 'demo; drop',
        pinning: 'connection',
      }),
    ).rejects.toThrow(TypeError);
  });
});
