import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { storageFaults } from '../store/storage-fault/storage-fault-log';
import { StorageFaultError } from '../store/storage-fault/storage-fault.error';
import { mountTinyDisk } from '@alliance/testing';
import { FileCheckpointStore } from './file-checkpoint-store';

const disk = mountTinyDisk(1);

describe('FileCheckpointStore on a full disk', () => {
  if ('unavailable' in disk) {
    it.skip(`needs a real tiny disk: ${disk.unavailable}`, () => undefined);
    console.warn(`file checkpoint disk-full spec skipped: ${disk.unavailable}`);
    return;
  }
  afterAll(() => disk.unmount());

  it('throws a disk-full StorageFaultError, leaves no temporary file, keeps the old checkpoint and saves again once space returns', async () => {
    const dir = join(disk.dir, 'relay');
    const store = new FileCheckpointStore(dir);
    await store.save('catalogue', 7);
    disk.fill();
    const failure = await store.save('catalogue', 8).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageFaultError);
    expect(failure).toMatchObject({ kind: 'disk-full', reason: 'ENOSPC: no space left on device' });
    expect(storageFaults.current(60_000, dir)).toEqual([
      expect.objectContaining({ kind: 'disk-full', source: expect.stringContaining('relay checkpoint') }),
    ]);
    expect(readdirSync(dir)).toEqual(['catalogue.relay-checkpoint.json']);
    expect(await store.load('catalogue')).toBe(7);
    disk.free();
    await store.save('catalogue', 8);
    expect(await new FileCheckpointStore(dir).load('catalogue')).toBe(8);
    expect(storageFaults.current(60_000, dir)).toEqual([]);
  });

  it('removes the temporary files a killed process left, before the first load', async () => {
    const dir = join(disk.dir, 'left-over');
    mkdirSync(dir);
    writeFileSync(join(dir, 'issuance.relay-checkpoint.json'), JSON.stringify({ relay: 'issuance', position: 3 }));
    // A process that no longer exists (pids are below 2^22 on Linux).
    writeFileSync(join(dir, 'issuance.relay-checkpoint.json.4194305.tmp'), '{"relay":"issu');
    writeFileSync(join(dir, 'unrelated.txt'), 'kept');
    const restarted = new FileCheckpointStore(dir);
    expect(await restarted.load('issuance')).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['issuance.relay-checkpoint.json', 'unrelated.txt']);
  });
});
