import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { storageFaults } from '../store/storage-fault/storage-fault-log';
import { asStorageFault } from '../store/storage-fault/storage-fault.error';
import type { CheckpointStore } from './checkpoint-store.port';

const SUFFIX = '.relay-checkpoint.json';
const TEMPORARY = /\.relay-checkpoint\.json\.(\d+)\.tmp$/;
/** Folders swept in this process: a second store on the same folder must not remove the first one's file in flight. */
const sweptFolders = new Map<string, Promise<void>>();

/**
 * Embedded mode: one small JSON file per relay next to the event store's files, replaced atomically
 * (write, fsync, rename, fsync the folder) so a power cut leaves the old or the new checkpoint, never half.
 * A save that fails (a full disk) removes its temporary file and throws a `StorageFaultError`, noted for
 * readiness; temporary files a crashed process left behind are removed before this store first touches the folder.
 */
export class FileCheckpointStore implements CheckpointStore {
  constructor(private readonly dir: string) {}

  async load(relay: string): Promise<number> {
    const file = this.file(relay);
    await this.sweep();
    try {
      const { position } = JSON.parse(await readFile(file, 'utf8')) as { position: number };
      return position;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw asStorageFault(error, file, `reading relay checkpoint ${relay}`) ?? error;
    }
  }

  async save(relay: string, position: number): Promise<void> {
    const target = this.file(relay);
    await this.sweep();
    const temp = `${target}.${process.pid}.tmp`;
    const source = `relay checkpoint ${target}`;
    try {
      await mkdir(this.dir, { recursive: true });
      await this.write(temp, JSON.stringify({ relay, position, updatedAt: new Date().toISOString() }));
      await rename(temp, target);
      const folder = await open(this.dir, 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
      storageFaults.ok(source);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      storageFaults.fault(source, error, target);
      throw asStorageFault(error, target, `saving relay checkpoint ${relay}`) ?? error;
    }
  }

  async close(): Promise<void> {}

  private async write(temp: string, content: string): Promise<void> {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Removes temporary files of processes that are gone (or of an earlier process that had this pid, e.g. pid 1 in a container). */
  private sweep(): Promise<void> {
    const folder = resolve(this.dir);
    let swept = sweptFolders.get(folder);
    if (swept) return swept;
    swept = (async () => {
      const names = await readdir(this.dir).catch(() => [] as string[]);
      const stale = names.filter((name) => {
        const pid = TEMPORARY.exec(name)?.[1];
        return pid !== undefined && (Number(pid) === process.pid || !alive(Number(pid)));
      });
      await Promise.all(stale.map((name) => rm(join(this.dir, name), { force: true }).catch(() => undefined)));
    })();
    sweptFolders.set(folder, swept);
    return swept;
  }

  private file(relay: string): string {
    if (!/^[a-zA-Z0-9._-]+$/.test(relay)) throw new TypeError(`relay name "${relay}" cannot be a file name`);
    return join(this.dir, `${relay}${SUFFIX}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
