import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { RelayCheckpointStore } from './relay-checkpoint-store.port';

/**
 * Embedded mode: one small JSON file per relay next to the event store's files, replaced atomically
 * (write, fsync, rename, fsync the folder) so a power cut leaves the old or the new checkpoint, never half.
 */
export class FileRelayCheckpointStore implements RelayCheckpointStore {
  constructor(private readonly dir: string) {}

  async load(relay: string): Promise<number> {
    try {
      const { position } = JSON.parse(await readFile(this.file(relay), 'utf8')) as { position: number };
      return position;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
  }

  async save(relay: string, position: number): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = this.file(relay);
    const temp = `${target}.${process.pid}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify({ relay, position, updatedAt: new Date().toISOString() }));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    const folder = await open(this.dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  async close(): Promise<void> {}

  private file(relay: string): string {
    if (!/^[a-zA-Z0-9._-]+$/.test(relay)) throw new TypeError(`relay name "${relay}" cannot be a file name`);
    return join(this.dir, `${relay}.relay-checkpoint.json`);
  }
}
