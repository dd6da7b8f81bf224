import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mountTinyDisk } from '@alliance/testing';
import { readOrCreateSecretFile } from './generated-secret-file';

describe('a secret generated once into a file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'secret-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated once, readable only by its owner, and read back unchanged on the next start', () => {
    const file = join(dir, 'nested', 'key.hex');
    const first = readOrCreateSecretFile(file);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecretFile(file)).toBe(first);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['key.hex']);
  });

  it('replaces an empty file (it never held a usable key) and refuses one that holds something else, naming it', () => {
    const empty = join(dir, 'empty.hex');
    writeFileSync(empty, '');
    expect(readOrCreateSecretFile(empty)).toMatch(/^[0-9a-f]{64}$/);
    const broken = join(dir, 'broken.hex');
    writeFileSync(broken, 'abc');
    expect(() => readOrCreateSecretFile(broken)).toThrow(new RegExp(`${broken}.*64 hex characters expected`));
    expect(readFileSync(broken, 'utf8')).toBe('abc');
  });
});

const disk = mountTinyDisk(1);
describe('a secret generated onto a full disk (a real 1 MB tmpfs)', () => {
  if ('unavailable' in disk) {
    it.skip(`needs a real tiny disk: ${disk.unavailable}`, () => undefined);
    console.warn(`secret-file disk-full case skipped: ${disk.unavailable}`);
    return;
  }
  afterAll(() => disk.unmount());

  it('fails with ENOSPC and leaves no file and no temporary behind, then succeeds once space returns', () => {
    const file = join(disk.dir, 'key.hex');
    disk.fill();
    expect(() => readOrCreateSecretFile(file)).toThrow(/ENOSPC/);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(disk.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    disk.free();
    expect(readOrCreateSecretFile(file)).toMatch(/^[0-9a-f]{64}$/);
  });
});
