import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodePublicKeyMultibase,
  ed25519Verify,
  encodePublicKeyMultibase,
  generateEd25519KeyPair,
  publicKeyFromBytes,
} from '@alliance/credentials';
import { compactDecrypt, decodeProtectedHeader } from 'jose';
import { FileKeyStore, KEY_FILE_PBES2_COUNT, type KeyFile } from './file-key-store';
import { KeyStoreError } from './key-store-error';

const PASSPHRASE = 'correct horse battery staple';
const data = new TextEncoder().encode('the bytes a credential proof signs');

const verifies = (publicKeyMultibase: string, message: Uint8Array, signature: Uint8Array) =>
  ed25519Verify(message, signature, publicKeyFromBytes(decodePublicKeyMultibase(publicKeyMultibase)));

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('FileKeyStore', () => {
  let root: string;
  let directory: string;
  const open = (passphrase = PASSPHRASE) => FileKeyStore.open({ kind: 'file', directory, passphrase });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'file-key-store-'));
    directory = join(root, 'keys');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('generates a key, lists it, gives its public key and signs pure Ed25519 with it, also after reopening', async () => {
    const store = await open();
    expect(store.kind).toBe('file');
    const { publicKeyMultibase } = await store.generate('key-1');
    expect(publicKeyMultibase).toMatch(/^z6Mk/);
    expect(await store.list()).toEqual(['key-1']);
    expect(await store.publicKeyMultibase('key-1')).toBe(publicKeyMultibase);

    const signature = await store.sign('key-1', data);
    expect(signature).toBeInstanceOf(Uint8Array);
    expect(signature).toHaveLength(64);
    expect(verifies(publicKeyMultibase, data, signature)).toBe(true);
    expect(verifies(publicKeyMultibase, new TextEncoder().encode('other bytes'), signature)).toBe(false);
    await store.close();

    const reopened = await open();
    expect(await reopened.list()).toEqual(['key-1']);
    expect(await reopened.publicKeyMultibase('key-1')).toBe(publicKeyMultibase);
    const again = await reopened.sign('key-1', data);
    expect(Buffer.from(again).equals(Buffer.from(signature))).toBe(true);
    await reopened.close();
  });

  it('keeps several keys apart and refuses a second key with the same id', async () => {
    const store = await open();
    const a = await store.generate('key-a');
    const b = await store.generate('key-b');
    expect(a.publicKeyMultibase).not.toBe(b.publicKeyMultibase);
    expect(await store.list()).toEqual(['key-a', 'key-b']);
    expect(verifies(b.publicKeyMultibase, data, await store.sign('key-b', data))).toBe(true);

    await expect(store.generate('key-a')).rejects.toMatchObject({
      code: 'KEY_EXISTS',
      message: expect.stringContaining('already holds a key "key-a"'),
    });
    expect(await store.publicKeyMultibase('key-a')).toBe(a.publicKeyMultibase);
    await store.close();
  });

  it('answers undefined for an unknown key, refuses to sign with one, and rejects key ids that are not plain names', async () => {
    const store = await open();
    expect(await store.publicKeyMultibase('absent')).toBeUndefined();
    await expect(store.sign('absent', data)).rejects.toMatchObject({ code: 'KEY_NOT_FOUND' });
    for (const bad of ['../escape', '.hidden', 'a/b', '', 'x'.repeat(129)]) {
      await expect(store.generate(bad)).rejects.toMatchObject({ code: 'INVALID_KEY_ID' });
    }
    expect(await readdir(directory)).toEqual([]);
    await store.close();
  });

  it('writes the key file 0600 in a 0700 directory, private key only inside a PBES2 JWE, public key in clear', async () => {
    await mkdir(directory, { mode: 0o755 });
    const store = await open();
    expect(await modeOf(directory)).toBe(0o700);
    const { publicKeyMultibase } = await store.generate('key-1');
    const path = store.keyFilePath('key-1');
    expect(await readdir(directory)).toEqual(['key-1.key.json']);
    expect(await modeOf(path)).toBe(0o600);

    const file = JSON.parse(await readFile(path, 'utf8')) as KeyFile;
    expect(file).toMatchObject({ format: 'alliance-signer-key/1', keyId: 'key-1', algorithm: 'Ed25519', publicKeyMultibase });
    expect(Object.keys(file).sort()).toEqual(['algorithm', 'format', 'keyId', 'privateKeyJwe', 'publicKeyMultibase']);
    expect(file.privateKeyJwe.split('.')).toHaveLength(5);
    const header = decodeProtectedHeader(file.privateKeyJwe);
    expect(header).toMatchObject({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', kid: 'key-1', cty: 'jwk+json' });
    expect(header.p2c).toBeGreaterThanOrEqual(KEY_FILE_PBES2_COUNT);
    expect(KEY_FILE_PBES2_COUNT).toBeGreaterThanOrEqual(200_000);

    // Any JOSE implementation opens it with the passphrase: a standard private JWK of the listed public key.
    const { plaintext } = await compactDecrypt(file.privateKeyJwe, new TextEncoder().encode(PASSPHRASE), {
      keyManagementAlgorithms: ['PBES2-HS512+A256KW'],
      maxPBES2Count: 1_000_000,
    });
    const jwk = JSON.parse(new TextDecoder().decode(plaintext)) as { kty: string; crv: string; x: string; d: string };
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(encodePublicKeyMultibase(new Uint8Array(Buffer.from(jwk.x, 'base64url')))).toBe(publicKeyMultibase);
    expect(await readFile(path, 'utf8')).not.toContain(jwk.d);
    await store.close();
  });

  it('reads public keys without the passphrase but refuses to sign with a wrong one, saying so', async () => {
    const writer = await open();
    const { publicKeyMultibase } = await writer.generate('key-1');
    await writer.close();

    const wrong = await open('not the passphrase');
    expect(await wrong.list()).toEqual(['key-1']);
    expect(await wrong.publicKeyMultibase('key-1')).toBe(publicKeyMultibase);
    const failure = await wrong.sign('key-1', data).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(KeyStoreError);
    expect(failure).toMatchObject({ code: 'WRONG_PASSPHRASE', message: expect.stringContaining('wrong passphrase for key file') });
    await wrong.close();

    const right = await open();
    expect(verifies(publicKeyMultibase, data, await right.sign('key-1', data))).toBe(true);
    await right.close();
  });

  it('tells a tampered file from a wrong passphrase: altered ciphertext, a swapped public key, a file renamed to another key', async () => {
    const writer = await open();
    await writer.generate('key-1');
    await writer.generate('key-2');
    await writer.close();
    const pathOf = (keyId: string) => join(directory, `${keyId}.key.json`);
    const read = async (keyId: string) => JSON.parse(await readFile(pathOf(keyId), 'utf8')) as KeyFile;
    const original = await read('key-1');

    const parts = original.privateKeyJwe.split('.');
    const ciphertext = Buffer.from(parts[3]!, 'base64url');
    ciphertext[0]! ^= 0x01;
    parts[3] = ciphertext.toString('base64url');
    await writeFile(pathOf('key-1'), JSON.stringify({ ...original, privateKeyJwe: parts.join('.') }));
    let store = await open();
    await expect(store.sign('key-1', data)).rejects.toMatchObject({
      code: 'KEY_FILE_CORRUPT',
      message: expect.stringContaining('tampered'),
    });
    await store.close();

    const otherKey = generateEd25519KeyPair().publicKeyMultibase;
    await writeFile(pathOf('key-1'), JSON.stringify({ ...original, publicKeyMultibase: otherKey }));
    store = await open();
    expect(await store.publicKeyMultibase('key-1')).toBe(otherKey);
    await expect(store.sign('key-1', data)).rejects.toMatchObject({
      code: 'KEY_FILE_CORRUPT',
      message: expect.stringContaining('public key does not belong to its private key'),
    });
    await store.close();

    const second = await read('key-2');
    await writeFile(pathOf('key-1'), JSON.stringify({ ...second, keyId: 'key-1' }));
    store = await open();
    await expect(store.sign('key-1', data)).rejects.toMatchObject({
      code: 'KEY_FILE_CORRUPT',
      message: expect.stringContaining('belongs to "key-2"'),
    });
    await store.close();

    await writeFile(pathOf('key-1'), '{ not json');
    store = await open();
    await expect(store.publicKeyMultibase('key-1')).rejects.toMatchObject({ code: 'KEY_FILE_CORRUPT' });
    await store.close();
  });

  it('refuses every call once closed', async () => {
    const store = await open();
    await store.generate('key-1');
    await store.close();
    await store.close();
    await expect(store.sign('key-1', data)).rejects.toMatchObject({ code: 'STORE_CLOSED' });
    await expect(store.list()).rejects.toMatchObject({ code: 'STORE_CLOSED' });
  });

  it('needs a directory and a non-empty passphrase', async () => {
    await expect(FileKeyStore.open({ kind: 'file', directory, passphrase: '' })).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    await writeFile(join(root, 'a-file'), '');
    await expect(FileKeyStore.open({ kind: 'file', directory: join(root, 'a-file'), passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
    });
  });
});
