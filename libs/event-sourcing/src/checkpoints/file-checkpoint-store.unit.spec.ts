import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileCheckpointStore } from './file-checkpoint-store';

describe('FileCheckpointStore', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'relay-cp-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('starts at 0, keeps the last saved position across instances and leaves no temporary file', async () => {
    const store = new FileCheckpointStore(join(dir, 'nested'));
    expect(await store.load('catalogue')).toBe(0);
    await store.save('catalogue', 41);
    await store.save('catalogue', 42);
    expect(await new FileCheckpointStore(join(dir, 'nested')).load('catalogue')).toBe(42);
    expect(await readdir(join(dir, 'nested'))).toEqual(['catalogue.relay-checkpoint.json']);
  });

  it('refuses a relay name that is not a plain file name', async () => {
    await expect(new FileCheckpointStore(dir).save('../x', 1)).rejects.toThrow(TypeError);
  });
});
