import { timingSafeEqual } from 'node:crypto';
import { encodePublicKeyMultibase } from '@alliance/credentials';
import type * as Pkcs11Js from 'pkcs11js';
import { assertValidKeyId, isValidKeyId } from './key-id';
import { KeyStoreError } from './key-store-error';
import type { SigningKeyStore } from './signing-key-store';
import {
  acquireModule,
  ed25519PointFromEcPoint,
  type Binding,
  CKK_EC_EDWARDS,
  CKM_EC_EDWARDS_KEY_PAIR_GEN,
  CKM_EDDSA,
  ckr,
  CKS_RO_USER_FUNCTIONS,
  CKS_RW_USER_FUNCTIONS,
  ED25519_OID_DER,
  FIND_BATCH,
  findToken,
  type Handle,
  hsmError,
  isEd25519Params,
  loadBinding,
  type LoadedModule,
  pinDigest,
  releaseModule,
  SESSION_LOST,
  type Template,
  type Token,
} from './pkcs11-token';

/** Keys on a PKCS#11 token (an HSM, or SoftHSM2 for development and tests). */
export interface Pkcs11KeyStoreConfig {
  kind: 'pkcs11';
  /** Path of the vendor's PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so. */
  modulePath: string;
  /** CKA label of the token (slot) that holds the keys. */
  tokenLabel: string;
  /** User PIN of that token. */
  pin: string;
}

/** Counters of a PKCS#11 store's session, for health reports. */
export interface Pkcs11KeyStoreStats {
  /** Sessions the store has opened on the token (one while it stays healthy). */
  sessionsOpened: number;
  /** C_Login calls the store has made. */
  logins: number;
  signatures: number;
}

/**
 * Ed25519 keys generated inside a PKCS#11 token: private keys are sensitive and never extractable, signing
 * (CKM_EDDSA, pure Ed25519) happens in the token. One session, logged in once, serves every call; calls are
 * queued on it, and the long ones (key generation, signing) run on libuv's thread pool.
 */
export class Pkcs11KeyStore implements SigningKeyStore {
  readonly kind = 'pkcs11' as const;
  private readonly privateKeys = new Map<string, Handle>();
  private session: Handle;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly counters: Pkcs11KeyStoreStats;

  private constructor(
    private readonly pkcs11: Binding,
    private readonly module: LoadedModule,
    private readonly token: Token,
    private readonly tokenLabel: string,
    session: Handle,
    private readonly pin: string,
    logins: number,
  ) {
    this.session = session;
    this.counters = { sessionsOpened: 1, logins, signatures: 0 };
  }

  static async open(config: Pkcs11KeyStoreConfig): Promise<Pkcs11KeyStore> {
    for (const field of ['modulePath', 'tokenLabel', 'pin'] as const) {
      if (typeof config?.[field] !== 'string' || config[field].length === 0) {
        throw new KeyStoreError('INVALID_CONFIG', `the PKCS#11 key store needs a non-empty ${field}`);
      }
    }
    const module = acquireModule(config.modulePath);
    const pkcs11 = loadBinding();
    const lib = module.lib;
    let session: Handle | undefined;
    try {
      const token = findToken(lib, pkcs11, config.modulePath, config.tokenLabel);
      session = lib.C_OpenSession(token.slot, pkcs11.CKF_SERIAL_SESSION | pkcs11.CKF_RW_SESSION);
      const logins = Pkcs11KeyStore.login(module, pkcs11, token, session, config);
      return new Pkcs11KeyStore(pkcs11, module, token, config.tokenLabel.trim(), session, config.pin, logins);
    } catch (e) {
      if (session) {
        try {
          lib.C_CloseSession(session);
        } catch {
          // the session is dropped with the module
        }
      }
      releaseModule(module);
      throw hsmError(`opening token "${config.tokenLabel}" of ${config.modulePath}`, e);
    }
  }

  /** Logs the token in unless another store of this process already did (then the PIN must be the same). */
  private static login(module: LoadedModule, pkcs11: Binding, token: Token, session: Handle, config: Pkcs11KeyStoreConfig): number {
    const label = config.tokenLabel.trim();
    const digest = pinDigest(config.pin);
    const existing = module.logins.get(token.key);
    if (existing) {
      if (!timingSafeEqual(existing.pin, digest)) {
        throw new KeyStoreError(
          'WRONG_PIN',
          `wrong PIN for token "${label}": this process is logged in to it with another PIN. Check the PIN the signer is configured with`,
        );
      }
      existing.sessions++;
      return 0;
    }
    try {
      module.lib.C_Login(session, pkcs11.CKU_USER, config.pin);
    } catch (e) {
      switch (ckr(e)) {
        case 'CKR_USER_ALREADY_LOGGED_IN':
          break;
        case 'CKR_PIN_INCORRECT':
        case 'CKR_PIN_INVALID':
        case 'CKR_PIN_LEN_RANGE':
          throw new KeyStoreError(
            'WRONG_PIN',
            `wrong PIN for token "${label}" (${ckr(e)}): check the user PIN the signer is configured with. ` +
              'Repeated wrong PINs may lock the token',
            { cause: e },
          );
        case 'CKR_PIN_LOCKED':
          throw new KeyStoreError(
            'PIN_LOCKED',
            `the user PIN of token "${label}" is locked: the token's security officer must unlock or reset it`,
            {
              cause: e,
            },
          );
        case 'CKR_USER_PIN_NOT_INITIALIZED':
          throw new KeyStoreError('WRONG_PIN', `token "${label}" has no user PIN yet: its security officer must set one (C_InitPIN)`, {
            cause: e,
          });
        default:
          throw hsmError(`logging in to token "${label}"`, e);
      }
    }
    module.logins.set(token.key, { pin: digest, sessions: 1 });
    return 1;
  }

  async generate(keyId: string): Promise<{ publicKeyMultibase: string }> {
    assertValidKeyId(keyId);
    return this.run(`generating key "${keyId}"`, async () => {
      const p = this.pkcs11;
      if (this.findObjects([{ type: p.CKA_LABEL, value: keyId }]).length > 0) {
        throw new KeyStoreError('KEY_EXISTS', `token "${this.tokenLabel}" already holds a key "${keyId}": choose another key id`);
      }
      const id = Buffer.from(keyId, 'utf8');
      const publicTemplate: Template = [
        { type: p.CKA_CLASS, value: p.CKO_PUBLIC_KEY },
        { type: p.CKA_KEY_TYPE, value: CKK_EC_EDWARDS },
        { type: p.CKA_EC_PARAMS, value: ED25519_OID_DER },
        { type: p.CKA_TOKEN, value: true },
        { type: p.CKA_PRIVATE, value: false },
        { type: p.CKA_VERIFY, value: true },
        { type: p.CKA_LABEL, value: keyId },
        { type: p.CKA_ID, value: id },
      ];
      const privateTemplate: Template = [
        { type: p.CKA_CLASS, value: p.CKO_PRIVATE_KEY },
        { type: p.CKA_KEY_TYPE, value: CKK_EC_EDWARDS },
        { type: p.CKA_TOKEN, value: true },
        { type: p.CKA_PRIVATE, value: true },
        { type: p.CKA_SENSITIVE, value: true },
        { type: p.CKA_EXTRACTABLE, value: false },
        { type: p.CKA_SIGN, value: true },
        { type: p.CKA_DERIVE, value: false },
        { type: p.CKA_LABEL, value: keyId },
        { type: p.CKA_ID, value: id },
      ];
      const pair = await this.lib.C_GenerateKeyPairAsync(
        this.session,
        { mechanism: CKM_EC_EDWARDS_KEY_PAIR_GEN },
        publicTemplate,
        privateTemplate,
      );
      try {
        const [sensitive, extractable] = this.lib.C_GetAttributeValue(this.session, pair.privateKey, [
          { type: p.CKA_SENSITIVE },
          { type: p.CKA_EXTRACTABLE },
        ]);
        if (sensitive!.value[0] !== 1 || extractable!.value[0] !== 0) {
          throw new KeyStoreError(
            'HSM_ERROR',
            `token "${this.tokenLabel}" did not make key "${keyId}" sensitive and non-extractable; it was removed`,
          );
        }
        const publicKey = this.publicKeyOf(pair.publicKey, keyId);
        this.privateKeys.set(keyId, pair.privateKey);
        return { publicKeyMultibase: encodePublicKeyMultibase(publicKey) };
      } catch (e) {
        for (const handle of [pair.privateKey, pair.publicKey]) {
          try {
            this.lib.C_DestroyObject(this.session, handle);
          } catch {
            // reported through the original error
          }
        }
        throw e;
      }
    });
  }

  async publicKeyMultibase(keyId: string): Promise<string | undefined> {
    assertValidKeyId(keyId);
    return this.run(`reading the public key of "${keyId}"`, () => {
      const handles = this.find(this.pkcs11.CKO_PUBLIC_KEY, keyId);
      if (handles.length > 1) throw this.ambiguous(keyId);
      if (handles.length === 0) {
        if (this.find(this.pkcs11.CKO_PRIVATE_KEY, keyId).length > 0) {
          throw new KeyStoreError(
            'KEY_NOT_FOUND',
            `token "${this.tokenLabel}" holds the private key "${keyId}" but not its public key object`,
          );
        }
        return undefined;
      }
      return encodePublicKeyMultibase(this.publicKeyOf(handles[0]!, keyId));
    });
  }

  async sign(keyId: string, data: Uint8Array): Promise<Uint8Array> {
    assertValidKeyId(keyId);
    if (!(data instanceof Uint8Array)) throw new TypeError('sign expects the data as a Uint8Array');
    // The binding passes an empty Buffer as a NULL pointer, which tokens reject; an empty view into memory is not NULL.
    const input = Buffer.alloc(data.length + 1).subarray(0, data.length);
    input.set(data);
    return this.run(`signing with "${keyId}"`, async () => {
      this.signInit(keyId);
      let signature: Buffer;
      try {
        signature = await this.lib.C_SignAsync(this.session, input, Buffer.alloc(64));
      } catch (e) {
        // A failed C_Sign may leave the operation active on the session (SoftHSM2 does): start a clean session.
        try {
          this.renewSession();
        } catch {
          // the next call reports the session's state
        }
        throw e;
      }
      if (signature.length !== 64)
        throw new KeyStoreError('NOT_ED25519', `token returned a ${signature.length}-byte signature for "${keyId}", not an Ed25519 one`);
      this.counters.signatures++;
      return new Uint8Array(signature);
    });
  }

  async list(): Promise<string[]> {
    return this.run('listing keys', () => {
      const names = new Set<string>();
      for (const handle of this.find(this.pkcs11.CKO_PRIVATE_KEY)) {
        const [label, params] = this.lib.C_GetAttributeValue(this.session, handle, [
          { type: this.pkcs11.CKA_LABEL },
          { type: this.pkcs11.CKA_EC_PARAMS },
        ]);
        const name = label!.value.toString('utf8');
        if (isValidKeyId(name) && isEd25519Params(params!.value)) names.add(name);
      }
      return [...names].sort();
    });
  }

  /** How many sessions and logins the store has needed so far, and how many signatures it made. */
  stats(): Pkcs11KeyStoreStats {
    return { ...this.counters };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    this.privateKeys.clear();
    try {
      this.lib.C_CloseSession(this.session);
    } catch {
      // the token may be gone; the module is released below either way
    }
    const login = this.module.logins.get(this.token.key);
    if (login && --login.sessions === 0) this.module.logins.delete(this.token.key);
    releaseModule(this.module);
  }

  private get lib(): Pkcs11Js.PKCS11 {
    return this.module.lib;
  }

  /**
   * Runs `op` after every call queued before it: one PKCS#11 operation at a time on the session. When the
   * session was lost (closed, logged out), `op` runs once more on a new one.
   */
  private run<T>(what: string, op: () => T | Promise<T>): Promise<T> {
    if (this.closed)
      return Promise.reject(new KeyStoreError('STORE_CLOSED', `the PKCS#11 key store of token "${this.tokenLabel}" is closed`));
    const result = this.queue.then(async () => {
      try {
        try {
          return await op();
        } catch (e) {
          if (!SESSION_LOST.has(ckr(e) ?? '')) throw e;
          this.renewSession();
          return await op();
        }
      } catch (e) {
        throw hsmError(`${what} on token "${this.tokenLabel}"`, e);
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Starts a CKM_EDDSA signature with `keyId`, past a stale cached handle or an operation left active. */
  private signInit(keyId: string): void {
    const mechanism = { mechanism: CKM_EDDSA };
    try {
      this.lib.C_SignInit(this.session, mechanism, this.privateKey(keyId));
    } catch (e) {
      const code = ckr(e);
      if (code === 'CKR_KEY_HANDLE_INVALID' || code === 'CKR_OBJECT_HANDLE_INVALID') this.privateKeys.delete(keyId);
      else if (code === 'CKR_OPERATION_ACTIVE') this.renewSession();
      else throw e;
      this.lib.C_SignInit(this.session, mechanism, this.privateKey(keyId));
    }
  }

  /**
   * Replaces the session with a new one on the same token: opened before the old one closes, so the token stays
   * logged in; logs in again when it is not.
   */
  private renewSession(): void {
    const fresh = this.lib.C_OpenSession(this.token.slot, this.pkcs11.CKF_SERIAL_SESSION | this.pkcs11.CKF_RW_SESSION);
    const old = this.session;
    this.session = fresh;
    this.counters.sessionsOpened++;
    try {
      this.lib.C_CloseSession(old);
    } catch {
      // already gone
    }
    const { state } = this.lib.C_GetSessionInfo(fresh);
    if (state !== CKS_RW_USER_FUNCTIONS && state !== CKS_RO_USER_FUNCTIONS) {
      try {
        this.lib.C_Login(fresh, this.pkcs11.CKU_USER, this.pin);
        this.counters.logins++;
      } catch (e) {
        if (ckr(e) !== 'CKR_USER_ALREADY_LOGGED_IN') throw e;
      }
    }
  }

  /** Ed25519 key objects of `objectClass` labelled `keyId` (any label when undefined). */
  private find(objectClass: number, keyId?: string): Handle[] {
    const template: Template = [
      { type: this.pkcs11.CKA_CLASS, value: objectClass },
      { type: this.pkcs11.CKA_KEY_TYPE, value: CKK_EC_EDWARDS },
    ];
    if (keyId !== undefined) template.push({ type: this.pkcs11.CKA_LABEL, value: keyId });
    return this.findObjects(template);
  }

  private findObjects(template: Template): Handle[] {
    this.lib.C_FindObjectsInit(this.session, template);
    try {
      const found: Handle[] = [];
      for (;;) {
        const batch = this.lib.C_FindObjects(this.session, FIND_BATCH);
        found.push(...batch);
        if (batch.length < FIND_BATCH) return found;
      }
    } finally {
      this.lib.C_FindObjectsFinal(this.session);
    }
  }

  private privateKey(keyId: string): Handle {
    const cached = this.privateKeys.get(keyId);
    if (cached) return cached;
    const handles = this.find(this.pkcs11.CKO_PRIVATE_KEY, keyId);
    if (handles.length === 0) throw new KeyStoreError('KEY_NOT_FOUND', `token "${this.tokenLabel}" holds no key "${keyId}"`);
    if (handles.length > 1) throw this.ambiguous(keyId);
    const [params] = this.lib.C_GetAttributeValue(this.session, handles[0]!, [{ type: this.pkcs11.CKA_EC_PARAMS }]);
    if (!isEd25519Params(params!.value))
      throw new KeyStoreError(
        'NOT_ED25519',
        `key "${keyId}" on token "${this.tokenLabel}" is an Edwards key of another curve, not Ed25519`,
      );
    this.privateKeys.set(keyId, handles[0]!);
    return handles[0]!;
  }

  private publicKeyOf(handle: Handle, keyId: string): Uint8Array {
    const [params, point] = this.lib.C_GetAttributeValue(this.session, handle, [
      { type: this.pkcs11.CKA_EC_PARAMS },
      { type: this.pkcs11.CKA_EC_POINT },
    ]);
    if (!isEd25519Params(params!.value))
      throw new KeyStoreError(
        'NOT_ED25519',
        `key "${keyId}" on token "${this.tokenLabel}" is an Edwards key of another curve, not Ed25519`,
      );
    return ed25519PointFromEcPoint(point!.value);
  }

  private ambiguous(keyId: string): KeyStoreError {
    return new KeyStoreError(
      'HSM_ERROR',
      `token "${this.tokenLabel}" holds more than one key labelled "${keyId}": remove or relabel the extra ones`,
    );
  }
}
