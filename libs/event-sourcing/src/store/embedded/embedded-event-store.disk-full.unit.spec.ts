import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { mountTinyDisk, type TinyDisk } from '@alliance/testing';
import { NO_STREAM } from '../../expected-revision';
import { anEvent } from '../testing/contract-fixtures';
import { describeStorageFault, StorageFaultError } from '../storage-fault/storage-fault.error';
import { storageFaults } from '../storage-fault/storage-fault-log';
import { EmbeddedEventStore } from './embedded-event-store';

const disk = mountTinyDisk(8);
/** The stream holds its first event only: the failed append must not have moved it. */
const AFTER_CREATED = 0;
const big = (n: number) => anEvent('demo.filled', { n, padding: 'x'.repeat(200_000) });

describe('embedded event store on a full disk', () => {
  if ('unavailable' in disk) {
    it('recognises SQLITE_FULL as it is thrown by node:sqlite (no real full disk here)', () => {
      console.warn(`embedded store disk-full spec: no real tiny disk (${disk.unavailable}); checking the classification only`);
      expect(
        describeStorageFault(
          Object.assign(new Error('database or disk is full'), {
            code: 'ERR_SQLITE_ERROR',
            errcode: 13,
            errstr: 'database or disk is full',
          }),
        ),
      ).toEqual({
        kind: 'disk-full',
        reason: 'SQLITE_FULL: database or disk is full',
      });
    });
    return;
  }
  const tiny: TinyDisk = disk;
  afterAll(() => tiny.unmount());

  it('refuses appends with the disk-full cause (not a failed ROLLBACK), keeps reading, and writes again once space returns', async () => {
    const dataDir = join(tiny.dir, 'store');
    const store = EmbeddedEventStore.open({ dataDir });
    try {
      await store.appendToStream('demo.thing-1', [anEvent('demo.created', { n: 0 })], { expectedRevision: NO_STREAM });
      tiny.fill();
      const failure = await store
        .appendToStream('demo.thing-1', [big(1), big(2)], { expectedRevision: AFTER_CREATED })
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(StorageFaultError);
      expect(failure).toMatchObject({
        kind: 'disk-full',
        status: 507,
        code: 'storage.disk-full',
        reason: 'SQLITE_FULL: database or disk is full',
      });
      expect((failure as Error).message).not.toMatch(/no transaction is active/);
      expect(storageFaults.current(60_000, dataDir)).toEqual([expect.objectContaining({ kind: 'disk-full', file: store.file })]);

      expect((await store.readStream('demo.thing-1')).map((e) => e.type)).toEqual(['demo.created']);
      expect(await store.headPosition()).toBe(1);

      tiny.free();
      await store.appendToStream('demo.thing-1', [big(3)], { expectedRevision: AFTER_CREATED });
      expect((await store.readStream('demo.thing-1')).map((e) => e.type)).toEqual(['demo.created', 'demo.filled']);
      expect(storageFaults.current(60_000, dataDir)).toEqual([]);
    } finally {
      tiny.free();
      await store.close();
    }
  });

  it('names the file and the cause when it cannot open on a read-only folder', () => {
    const dataDir = join(tiny.dir, 'read-only');
    mkdirSync(dataDir);
    execFileSync('mount', ['-o', 'remount,ro', tiny.dir]);
    try {
      let failure: unknown;
      try {
        EmbeddedEventStore.open({ dataDir });
      } catch (e) {
        failure = e;
      }
      expect(failure).toMatchObject({ kind: 'read-only' });
      expect((failure as Error).message).toContain(join(dataDir, EmbeddedEventStore.FILE_NAME));
      expect((failure as Error).message).toMatch(/read-only \(EROFS: read-only file system\)/);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', tiny.dir]);
    }
  });
});
