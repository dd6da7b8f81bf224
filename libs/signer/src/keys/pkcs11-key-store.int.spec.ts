import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodePublicKeyMultibase, ed25519Verify, publicKeyFromBytes } from '@alliance/credentials';
import { PKCS11 } from 'pkcs11js';
import { KeyStoreError } from './key-store-error';
import { openKeyStore } from './open-key-store';
import { Pkcs11KeyStore, type Pkcs11KeyStoreConfig } from './pkcs11-key-store';
import { createSoftHsmToken, softHsmModulePath, type SoftHsmToken, useSoftHsmEnv } from './testing/softhsm-token';

const execFileAsync = promisify(execFile);

const modulePath = softHsmModulePath();
const softHsmUtilMissing = spawnSync('softhsm2-util', ['--version']).error !== undefined;
const skipReason = !modulePath ? 'libsofthsm2.so was not found' : softHsmUtilMissing ? 'softhsm2-util is not on PATH' : undefined;

const verifies = (publicKeyMultibase: string, message: Uint8Array, signature: Uint8Array) =>
  ed25519Verify(message, signature, publicKeyFromBytes(decodePublicKeyMultibase(publicKeyMultibase)));

const LABEL = 'signer-int';
const PIN = '246810';
const data = new TextEncoder().encode('the bytes a credential proof signs');

/**
 * Another Node process opens the token with pkcs11js directly and reports the private key object's attributes,
 * including what reading its CKA_VALUE gives.
 */
const INSPECT_PRIVATE_KEY = `
const p = require(process.env.PKCS11JS);
const lib = new p.PKCS11();
lib.load(process.env.MODULE);
lib.C_Initialize();
try {
  const slot = lib.C_GetSlotList(true).find((s) => lib.C_GetTokenInfo(s).label.trim() === process.env.LABEL);
  const session = lib.C_OpenSession(slot, p.CKF_SERIAL_SESSION);
  lib.C_Login(session, p.CKU_USER, process.env.PIN);
  lib.C_FindObjectsInit(session, [{ type: p.CKA_CLASS, value: p.CKO_PRIVATE_KEY }, { type: p.CKA_LABEL, value: process.env.KEY_ID }]);
  const keys = lib.C_FindObjects(session, 10);
  lib.C_FindObjectsFinal(session);
  const out = { found: keys.length };
  const names = ['CKA_TOKEN', 'CKA_PRIVATE', 'CKA_SENSITIVE', 'CKA_EXTRACTABLE', 'CKA_ALWAYS_SENSITIVE', 'CKA_NEVER_EXTRACTABLE', 'CKA_SIGN'];
  const attrs = lib.C_GetAttributeValue(session, keys[0], names.map((n) => ({ type: p[n] })));
  names.forEach((n, i) => (out[n] = attrs[i].value[0] === 1));
  out.CKA_ID = lib.C_GetAttributeValue(session, keys[0], [{ type: p.CKA_ID }])[0].value.toString('utf8');
  try {
    lib.C_GetAttributeValue(session, keys[0], [{ type: p.CKA_VALUE }]);
    out.CKA_VALUE = 'readable';
  } catch (e) {
    out.CKA_VALUE = e.message;
  }
  console.log(JSON.stringify(out));
} finally {
  lib.C_Finalize();
}
`;

if (skipReason) {
  console.warn(
    `PKCS#11 key store spec skipped: ${skipReason}. Install SoftHSM2 (apt-get install softhsm2) to run these tests against a real token.`,
  );
}
const describeWithSoftHsm = skipReason ? describe.skip : describe;

describeWithSoftHsm('Pkcs11KeyStore on SoftHSM2 (install softhsm2 to run)', () => {
  let root: string;
  let token: SoftHsmToken;
  let restoreEnv: (() => Promise<void>) | undefined;
  let config: Pkcs11KeyStoreConfig;
  /** Made before the tests, used by those that need a key to be there. */
  let signingKey: string;

  const withStore = async <T>(use: (store: Pkcs11KeyStore) => Promise<T>, overrides: Partial<Pkcs11KeyStoreConfig> = {}): Promise<T> => {
    const store = await Pkcs11KeyStore.open({ ...config, ...overrides });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pkcs11-key-store-'));
    token = await createSoftHsmToken({ directory: root, label: LABEL, pin: PIN });
    restoreEnv = await useSoftHsmEnv(token.env);
    config = { kind: 'pkcs11', modulePath: token.modulePath, tokenLabel: token.tokenLabel, pin: token.pin };
    signingKey = await withStore(async (store) => (await store.generate('signing-key')).publicKeyMultibase);
  });
  afterAll(async () => {
    await restoreEnv?.();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('generates an Ed25519 key in the token, lists it, and signs pure Ed25519 that node:crypto verifies', async () => {
    const store = await openKeyStore(config);
    try {
      expect(store.kind).toBe('pkcs11');
      expect(await store.list()).toEqual(['signing-key']);
      const { publicKeyMultibase } = await store.generate('issuer-key-1');
      expect(publicKeyMultibase).toMatch(/^z6Mk/);
      expect(decodePublicKeyMultibase(publicKeyMultibase)).toHaveLength(32);
      expect(publicKeyMultibase).not.toBe(signingKey);
      expect(await store.list()).toEqual(['issuer-key-1', 'signing-key']);
      expect(await store.publicKeyMultibase('issuer-key-1')).toBe(publicKeyMultibase);

      const signature = await store.sign('issuer-key-1', data);
      expect(signature).toBeInstanceOf(Uint8Array);
      expect(signature).toHaveLength(64);
      expect(verifies(publicKeyMultibase, data, signature)).toBe(true);
      expect(verifies(publicKeyMultibase, new TextEncoder().encode('other bytes'), signature)).toBe(false);
      // Pure Ed25519 is deterministic: the same key and bytes give the same signature.
      expect(Buffer.from(await store.sign('issuer-key-1', data)).equals(Buffer.from(signature))).toBe(true);
      expect(verifies(publicKeyMultibase, new Uint8Array(0), await store.sign('issuer-key-1', new Uint8Array(0)))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses a second key with the same id and keeps the first', async () => {
    await withStore(async (store) => {
      const failure = await store.generate('signing-key').catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(KeyStoreError);
      expect(failure).toMatchObject({
        code: 'KEY_EXISTS',
        message: expect.stringContaining(`token "${LABEL}" already holds a key "signing-key"`),
      });
      expect((await store.list()).filter((k) => k === 'signing-key')).toHaveLength(1);
      expect(await store.publicKeyMultibase('signing-key')).toBe(signingKey);
      expect(verifies(signingKey, data, await store.sign('signing-key', data))).toBe(true);
    });
  });

  it('answers undefined for an unknown key and refuses to sign with one', async () => {
    await withStore(async (store) => {
      expect(await store.publicKeyMultibase('absent')).toBeUndefined();
      await expect(store.sign('absent', data)).rejects.toMatchObject({
        code: 'KEY_NOT_FOUND',
        message: expect.stringContaining('holds no key "absent"'),
      });
      await expect(store.generate('../escape')).rejects.toMatchObject({ code: 'INVALID_KEY_ID' });
    });
  });

  it('keeps the private key in the token: sensitive, never extractable, CKA_VALUE unreadable (seen from another process)', async () => {
    const { stdout } = await execFileAsync(process.execPath, ['-e', INSPECT_PRIVATE_KEY], {
      env: {
        ...process.env,
        ...token.env,
        PKCS11JS: require.resolve('pkcs11js'),
        MODULE: token.modulePath,
        LABEL,
        PIN,
        KEY_ID: 'signing-key',
      },
    });
    expect(JSON.parse(stdout)).toEqual({
      found: 1,
      CKA_TOKEN: true,
      CKA_PRIVATE: true,
      CKA_SENSITIVE: true,
      CKA_EXTRACTABLE: false,
      CKA_ALWAYS_SENSITIVE: true,
      CKA_NEVER_EXTRACTABLE: true,
      CKA_SIGN: true,
      CKA_ID: 'signing-key',
      CKA_VALUE: 'CKR_ATTRIBUTE_SENSITIVE',
    });
  });

  it('finds the key again after close and a fresh open (module finalised and loaded again)', async () => {
    const first = await Pkcs11KeyStore.open(config);
    const { publicKeyMultibase } = await first.generate('issuer-key-2');
    await first.close();
    await expect(first.sign('issuer-key-2', data)).rejects.toMatchObject({ code: 'STORE_CLOSED' });

    await withStore(async (reopened) => {
      expect(await reopened.list()).toEqual(expect.arrayContaining(['signing-key', 'issuer-key-2']));
      expect(await reopened.publicKeyMultibase('issuer-key-2')).toBe(publicKeyMultibase);
      expect(verifies(publicKeyMultibase, data, await reopened.sign('issuer-key-2', data))).toBe(true);
    });
  });

  it('makes 200 signatures over one session and one login, queued on it while the event loop keeps turning', async () => {
    await withStore(async (store) => {
      const messages = Array.from({ length: 200 }, (_, i) => new TextEncoder().encode(`credential ${i}`));

      let turns = 0;
      let done = false;
      const turn = () => {
        turns++;
        if (!done) setImmediate(turn);
      };
      setImmediate(turn);
      const signatures = await Promise.all(messages.map((m) => store.sign('signing-key', m)));
      done = true;

      expect(signatures.every((s, i) => s.length === 64 && verifies(signingKey, messages[i]!, s))).toBe(true);
      expect(new Set(signatures.map((s) => Buffer.from(s).toString('hex'))).size).toBe(200);
      expect(store.stats()).toEqual({ sessionsOpened: 1, logins: 1, signatures: 200 });
      expect(turns).toBeGreaterThan(1);
    });
  });

  it('serves two stores on the same token in one process, and one closing leaves the other working', async () => {
    const a = await Pkcs11KeyStore.open(config);
    const b = await Pkcs11KeyStore.open(config);
    try {
      const [sa, sb] = await Promise.all([a.sign('signing-key', data), b.sign('signing-key', data)]);
      expect(verifies(signingKey, data, sa)).toBe(true);
      expect(verifies(signingKey, data, sb)).toBe(true);
      await a.close();
      expect(verifies(signingKey, data, await b.sign('signing-key', data))).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('opens a new session and logs in again when the token closed its session', async () => {
    await withStore(async (store) => {
      expect(verifies(signingKey, data, await store.sign('signing-key', data))).toBe(true);
      // Another user of the same module in this process closes every session on the token, which logs it out.
      const other = new PKCS11();
      other.load(token.modulePath);
      try {
        other.C_Initialize();
      } catch (e) {
        expect((e as Error).message).toMatch(/^CKR_CRYPTOKI_ALREADY_INITIALIZED/);
      }
      try {
        const slot = other.C_GetSlotList(true).find((s) => other.C_GetTokenInfo(s).label.trim() === LABEL)!;
        other.C_CloseAllSessions(slot);
      } finally {
        other.close();
      }

      expect(verifies(signingKey, data, await store.sign('signing-key', data))).toBe(true);
      expect(store.stats()).toEqual({ sessionsOpened: 2, logins: 2, signatures: 2 });
      expect(await store.publicKeyMultibase('signing-key')).toBe(signingKey);
    });
  });

  it('says the PIN is wrong, also when another store of the process is already logged in', async () => {
    const failure = await Pkcs11KeyStore.open({ ...config, pin: '999999' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(KeyStoreError);
    expect(failure).toMatchObject({
      code: 'WRONG_PIN',
      message: expect.stringContaining(`wrong PIN for token "${LABEL}" (CKR_PIN_INCORRECT)`),
    });

    await withStore(async () => {
      await expect(Pkcs11KeyStore.open({ ...config, pin: '999999' })).rejects.toMatchObject({
        code: 'WRONG_PIN',
        message: expect.stringContaining(`wrong PIN for token "${LABEL}"`),
      });
    });
    // Nothing was left half open: the right PIN still works.
    await withStore(async (store) => expect(await store.list()).toContain('signing-key'));
  });

  it('names the labels present when the token label is wrong', async () => {
    await expect(Pkcs11KeyStore.open({ ...config, tokenLabel: 'no-such-token' })).rejects.toMatchObject({
      code: 'TOKEN_NOT_FOUND',
      message: expect.stringMatching(/no token labelled "no-such-token" .* tokens present: "signer-int"/),
    });
  });

  it('says how to get a PKCS#11 module when there is none at the path', async () => {
    await expect(openKeyStore({ ...config, modulePath: join(root, 'missing', 'libsofthsm2.so') })).rejects.toMatchObject({
      code: 'MODULE_NOT_FOUND',
      message: expect.stringMatching(
        /PKCS#11 module not found at .*missing\/libsofthsm2\.so: install SoftHSM2 .*apt-get install softhsm2.* set SIGNER_PKCS11_MODULE/,
      ),
    });
  });
});
