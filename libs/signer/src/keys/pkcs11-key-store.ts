import { encodePublicKeyMultibase } from '@alliance/credentials';
import type * as Pkcs11Js from 'pkcs11js';
import { assertValidKeyId, isValidKeyId } from './key-id';
import { KeyStoreError } from './key-store-error';
import { Pkcs11Session } from './pkcs11-session';
import type { SigningKeyStore } from './signing-key-store';
import {
  ed25519PointFromEcPoint,
  type Binding,
  CKK_EC_EDWARDS,
  CKM_EC_EDWARDS_KEY_PAIR_GEN,
  CKM_EDDSA,
  ckr,
  ED25519_OID_DER,
  type Handle,
  isEd25519Params,
  type Template,
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
 * (CKM_EDDSA, pure Ed25519) happens in the token. One session (`Pkcs11Session`), logged in once, serves every
 * call; calls are queued on it, and the long ones (key generation, signing) run on libuv's thread pool.
 */
export class Pkcs11KeyStore implements SigningKeyStore {
  readonly kind = 'pkcs11' as const;
  private readonly privateKeys = new Map<string, Handle>();
  private signatures = 0;
  private closed = false;

  private constructor(private readonly hsm: Pkcs11Session) {}

  static async open(config: Pkcs11KeyStoreConfig): Promise<Pkcs11KeyStore> {
    for (const field of ['modulePath', 'tokenLabel', 'pin'] as const) {
      if (typeof config?.[field] !== 'string' || config[field].length === 0) {
        throw new KeyStoreError('INVALID_CONFIG', `the PKCS#11 key store needs a non-empty ${field}`);
      }
    }
    return new Pkcs11KeyStore(Pkcs11Session.open(config));
  }

  async generate(keyId: string): Promise<{ publicKeyMultibase: string }> {
    assertValidKeyId(keyId);
    return this.hsm.run(`generating key "${keyId}"`, async () => {
      const p = this.pkcs11;
      if (this.hsm.findObjects([{ type: p.CKA_LABEL, value: keyId }]).length > 0) {
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
    return this.hsm.run(`reading the public key of "${keyId}"`, () => {
      const handles = this.hsm.find(this.pkcs11.CKO_PUBLIC_KEY, keyId);
      if (handles.length > 1) throw this.ambiguous(keyId);
      if (handles.length === 0) {
        if (this.hsm.find(this.pkcs11.CKO_PRIVATE_KEY, keyId).length > 0) {
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
    return this.hsm.run(`signing with "${keyId}"`, async () => {
      this.signInit(keyId);
      let signature: Buffer;
      try {
        signature = await this.lib.C_SignAsync(this.session, input, Buffer.alloc(64));
      } catch (e) {
        // A failed C_Sign may leave the operation active on the session (SoftHSM2 does): start a clean session.
        try {
          this.hsm.renew();
        } catch {
          // the next call reports the session's state
        }
        throw e;
      }
      if (signature.length !== 64)
        throw new KeyStoreError('NOT_ED25519', `token returned a ${signature.length}-byte signature for "${keyId}", not an Ed25519 one`);
      this.signatures++;
      return new Uint8Array(signature);
    });
  }

  async list(): Promise<string[]> {
    return this.hsm.run('listing keys', () => {
      const names = new Set<string>();
      for (const handle of this.hsm.find(this.pkcs11.CKO_PRIVATE_KEY)) {
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
    return { ...this.hsm.counters, signatures: this.signatures };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.hsm.close();
    this.privateKeys.clear();
  }

  private get lib(): Pkcs11Js.PKCS11 {
    return this.hsm.lib;
  }

  private get session(): Handle {
    return this.hsm.handle;
  }

  private get pkcs11(): Binding {
    return this.hsm.pkcs11;
  }

  private get tokenLabel(): string {
    return this.hsm.tokenLabel;
  }

  /** Starts a CKM_EDDSA signature with `keyId`, past a stale cached handle or an operation left active. */
  private signInit(keyId: string): void {
    const mechanism = { mechanism: CKM_EDDSA };
    try {
      this.lib.C_SignInit(this.session, mechanism, this.privateKey(keyId));
    } catch (e) {
      const code = ckr(e);
      if (code === 'CKR_KEY_HANDLE_INVALID' || code === 'CKR_OBJECT_HANDLE_INVALID') this.privateKeys.delete(keyId);
      else if (code === 'CKR_OPERATION_ACTIVE') this.hsm.renew();
      else throw e;
      this.lib.C_SignInit(this.session, mechanism, this.privateKey(keyId));
    }
  }

  private privateKey(keyId: string): Handle {
    const cached = this.privateKeys.get(keyId);
    if (cached) return cached;
    const handles = this.hsm.find(this.pkcs11.CKO_PRIVATE_KEY, keyId);
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
