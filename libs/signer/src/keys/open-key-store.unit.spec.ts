import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKeyStore } from './file-key-store';
import { KeyStoreError } from './key-store-error';
import { openKeyStore, type KeyStoreConfig } from './open-key-store';
import { ed25519PointFromEcPoint } from './pkcs11-token';

describe('openKeyStore', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'open-key-store-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('opens a file key store for kind file', async () => {
    const store = await openKeyStore({ kind: 'file', directory: join(root, 'keys'), passphrase: 'a passphrase' });
    expect(store).toBeInstanceOf(FileKeyStore);
    expect(store.kind).toBe('file');
    expect(await store.list()).toEqual([]);
    await store.close();
  });

  it('refuses an unknown kind and says which kinds there are', async () => {
    const failure = await openKeyStore({ kind: 'vault' } as unknown as KeyStoreConfig).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(KeyStoreError);
    expect(failure).toMatchObject({
      code: 'INVALID_CONFIG',
      message: expect.stringContaining(`use 'pkcs11' (an HSM) or 'file' (development)`),
    });
  });

  it('says where the PKCS#11 module was looked for and how to get one', async () => {
    const modulePath = join(root, 'nowhere', 'libvendor-pkcs11.so');
    await expect(openKeyStore({ kind: 'pkcs11', modulePath, tokenLabel: 'signer', pin: '1234' })).rejects.toMatchObject({
      code: 'MODULE_NOT_FOUND',
      message: expect.stringContaining(`PKCS#11 module not found at ${modulePath}: install SoftHSM2 (apt-get install softhsm2`),
    });
    await expect(openKeyStore({ kind: 'pkcs11', modulePath, tokenLabel: 'signer', pin: '' })).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
    });
  });
});

describe('ed25519PointFromEcPoint', () => {
  const point = Buffer.alloc(32, 7);

  it('unwraps the DER OCTET STRING PKCS#11 3.0 tokens return', () => {
    expect(Buffer.from(ed25519PointFromEcPoint(Buffer.concat([Buffer.from([0x04, 0x20]), point])))).toEqual(point);
  });

  it('takes the raw 32 bytes some tokens return', () => {
    expect(Buffer.from(ed25519PointFromEcPoint(point))).toEqual(point);
  });

  it('refuses anything else', () => {
    for (const bad of [Buffer.alloc(0), Buffer.alloc(33), Buffer.concat([Buffer.from([0x04, 0x21]), point]), Buffer.alloc(57)]) {
      expect(() => ed25519PointFromEcPoint(bad)).toThrow(expect.objectContaining({ code: 'NOT_ED25519' }));
    }
  });
});
