import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Pkcs11Js from 'pkcs11js';
import { KeyStoreError } from './key-store-error';

/**
 * The PKCS#11 plumbing under the key store: the optional pkcs11js binding, the vendor module loaded once per
 * process and shared between stores, finding a token by label, and the Ed25519 encodings PKCS#11 uses.
 */

export type Binding = typeof Pkcs11Js;
export type Handle = Pkcs11Js.Handle;
export type Template = Pkcs11Js.Template;

// PKCS#11 3.0 values the binding's 2.40 headers do not name.
export const CKK_EC_EDWARDS = 0x40;
export const CKM_EC_EDWARDS_KEY_PAIR_GEN = 0x1055;
export const CKM_EDDSA = 0x1057;
// Session states (CK_STATE) in which the user is logged in.
export const CKS_RO_USER_FUNCTIONS = 1;
export const CKS_RW_USER_FUNCTIONS = 3;

/** Errors after which the session is unusable but a new one on the same token may work. */
export const SESSION_LOST = new Set(['CKR_SESSION_HANDLE_INVALID', 'CKR_SESSION_CLOSED', 'CKR_USER_NOT_LOGGED_IN']);

/** DER OBJECT IDENTIFIER 1.3.101.112 (id-Ed25519, RFC 8410): CKA_EC_PARAMS of an Ed25519 key. */
export const ED25519_OID_DER = Buffer.from('06032b6570', 'hex');
/** DER PrintableString "edwards25519": the curve-name form PKCS#11 3.0 also allows in CKA_EC_PARAMS. */
export const EDWARDS25519_NAME_DER = Buffer.concat([Buffer.from([0x13, 12]), Buffer.from('edwards25519', 'ascii')]);

export const FIND_BATCH = 64;

let binding: Binding | undefined;

export function loadBinding(): Binding {
  if (!binding) {
    try {
      binding = createRequire(__filename)('pkcs11js') as Binding;
    } catch (e) {
      throw new KeyStoreError(
        'BINDING_UNAVAILABLE',
        `the PKCS#11 binding (npm package pkcs11js) could not be loaded: ${(e as Error).message}. ` +
          'Run `npm ci` on a machine with make, g++ and python3 so node-gyp can build it.',
        { cause: e },
      );
    }
  }
  return binding;
}

/** The CKR_… name of a PKCS#11 error, if it is one. */
export function ckr(e: unknown): string | undefined {
  const message = e instanceof Error ? e.message : '';
  return /^CKR_[A-Z0-9_]+/.exec(message)?.[0];
}

export function hsmError(what: string, e: unknown): KeyStoreError {
  if (e instanceof KeyStoreError) return e;
  return new KeyStoreError('HSM_ERROR', `${what} failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
}

/** The 32-byte key in CKA_EC_POINT: a DER OCTET STRING around it (PKCS#11 3.0), or the raw bytes some tokens return. */
export function ed25519PointFromEcPoint(ecPoint: Uint8Array): Uint8Array {
  if (ecPoint.length === 34 && ecPoint[0] === 0x04 && ecPoint[1] === 0x20) return Uint8Array.from(ecPoint.subarray(2));
  if (ecPoint.length === 32) return Uint8Array.from(ecPoint);
  throw new KeyStoreError(
    'NOT_ED25519',
    `CKA_EC_POINT holds ${ecPoint.length} bytes, neither an Ed25519 point nor an OCTET STRING around one`,
  );
}

export function isEd25519Params(ecParams: Buffer): boolean {
  return ecParams.equals(ED25519_OID_DER) || ecParams.equals(EDWARDS25519_NAME_DER);
}

export const pinDigest = (pin: string) => createHash('sha256').update(pin, 'utf8').digest();

/**
 * A PKCS#11 library loaded once per process and path: C_Initialize is process-wide, so stores opened on the
 * same module share it, and the last one to close finalises and unloads it.
 */
export interface LoadedModule {
  readonly path: string;
  readonly lib: Pkcs11Js.PKCS11;
  stores: number;
  /** False when something else in the process had initialised the library: then it is not ours to finalise. */
  readonly initialised: boolean;
  /** Tokens this process is logged in to (login state is shared by every session on a token). */
  readonly logins: Map<string, { pin: Buffer; sessions: number }>;
}

export const loadedModules = new Map<string, LoadedModule>();

export function acquireModule(modulePath: string): LoadedModule {
  if (!existsSync(modulePath)) {
    throw new KeyStoreError(
      'MODULE_NOT_FOUND',
      `PKCS#11 module not found at ${modulePath}: install SoftHSM2 (apt-get install softhsm2, which puts it at /usr/lib/softhsm/libsofthsm2.so) ` +
        `or set SIGNER_PKCS11_MODULE to the path of your HSM vendor's PKCS#11 library`,
    );
  }
  const path = realpathSync(modulePath);
  const existing = loadedModules.get(path);
  if (existing) {
    existing.stores++;
    return existing;
  }
  const pkcs11 = loadBinding();
  const lib = new pkcs11.PKCS11();
  try {
    lib.load(path);
  } catch (e) {
    throw new KeyStoreError(
      'MODULE_LOAD_FAILED',
      `could not load the PKCS#11 module ${modulePath}: ${(e as Error).message}. Check that it is a PKCS#11 library built for this platform`,
      { cause: e },
    );
  }
  let initialised = true;
  try {
    lib.C_Initialize({ flags: pkcs11.CKF_OS_LOCKING_OK });
  } catch (e) {
    initialised = false;
    if (ckr(e) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') {
      try {
        lib.close();
      } catch {
        // the load failed half-way; nothing more to release
      }
      const conf = process.env.SOFTHSM2_CONF;
      throw new KeyStoreError(
        'MODULE_LOAD_FAILED',
        `C_Initialize of the PKCS#11 module ${modulePath} failed (${(e as Error).message}). ` +
          `For SoftHSM2, check that SOFTHSM2_CONF (${conf ? `now ${conf}` : 'not set, so /etc/softhsm/softhsm2.conf'}) names a readable config ` +
          'whose directories.tokendir exists and is writable by this process',
        { cause: e },
      );
    }
  }
  const loaded: LoadedModule = { path, lib, stores: 1, initialised, logins: new Map() };
  loadedModules.set(path, loaded);
  return loaded;
}

export function releaseModule(module: LoadedModule): void {
  module.stores--;
  if (module.stores > 0) return;
  loadedModules.delete(module.path);
  if (module.initialised) {
    try {
      module.lib.C_Finalize();
    } catch {
      // finalising is best effort; the library is unloaded next
    }
  }
  try {
    module.lib.close();
  } catch {
    // already unloaded
  }
}

export interface Token {
  slot: Handle;
  /** Identifies the token across the stores of this process: slot id and serial number. */
  key: string;
}

export function findToken(lib: Pkcs11Js.PKCS11, pkcs11: Binding, modulePath: string, tokenLabel: string): Token {
  const wanted = tokenLabel.trim();
  const present: string[] = [];
  const matches: Token[] = [];
  for (const slot of lib.C_GetSlotList(true)) {
    const info = lib.C_GetTokenInfo(slot);
    if ((info.flags & pkcs11.CKF_TOKEN_INITIALIZED) === 0) continue;
    const label = info.label.trim();
    present.push(label);
    if (label === wanted) matches.push({ slot, key: `${slot.toString('hex')}/${info.serialNumber.trim()}` });
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new KeyStoreError('TOKEN_NOT_FOUND', `${matches.length} tokens in ${modulePath} are labelled "${wanted}": relabel all but one`);
  }
  throw new KeyStoreError(
    'TOKEN_NOT_FOUND',
    `no token labelled "${wanted}" in the PKCS#11 module ${modulePath}; ` +
      (present.length > 0
        ? `tokens present: ${present.map((l) => JSON.stringify(l)).join(', ')}. Set the token label to one of them, or create the token`
        : 'no initialised token is present. Create the token') +
      ` (SoftHSM2: softhsm2-util --init-token --free --label "${wanted}", and check that SOFTHSM2_CONF names the config whose tokendir holds it)`,
  );
}
