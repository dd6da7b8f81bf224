import { timingSafeEqual } from 'node:crypto';
import type * as Pkcs11Js from 'pkcs11js';
import { KeyStoreError } from './key-store-error';
import {
  acquireModule,
  type Binding,
  CKK_EC_EDWARDS,
  ckr,
  CKS_RO_USER_FUNCTIONS,
  CKS_RW_USER_FUNCTIONS,
  FIND_BATCH,
  findToken,
  type Handle,
  hsmError,
  loadBinding,
  type LoadedModule,
  pinDigest,
  releaseModule,
  SESSION_LOST,
  type Template,
  type Token,
} from './pkcs11-token';

/** Where a session is opened: the vendor's module, the token's label and its user PIN. */
export interface Pkcs11SessionConfig {
  modulePath: string;
  tokenLabel: string;
  pin: string;
}

/** Counters of a session's life, for health reports. */
export interface Pkcs11SessionCounters {
  /** Sessions opened on the token (one while it stays healthy). */
  sessionsOpened: number;
  /** C_Login calls made. */
  logins: number;
}

/**
 * One logged-in read-write session on a token, used by one operation at a time. When the token drops it (closed,
 * logged out), an operation is run once more on a new session, logged in again where needed.
 */
export class Pkcs11Session {
  readonly counters: Pkcs11SessionCounters;
  private current: Handle;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly pkcs11: Binding,
    private readonly module: LoadedModule,
    private readonly token: Token,
    /** The token's label, as errors name it. */
    readonly tokenLabel: string,
    session: Handle,
    private readonly pin: string,
    logins: number,
  ) {
    this.current = session;
    this.counters = { sessionsOpened: 1, logins };
  }

  /** Loads the module (once per process), finds the token by label, opens a session and logs in. */
  static open(config: Pkcs11SessionConfig): Pkcs11Session {
    const module = acquireModule(config.modulePath);
    const pkcs11 = loadBinding();
    const lib = module.lib;
    let session: Handle | undefined;
    try {
      const token = findToken(lib, pkcs11, config.modulePath, config.tokenLabel);
      session = lib.C_OpenSession(token.slot, pkcs11.CKF_SERIAL_SESSION | pkcs11.CKF_RW_SESSION);
      const logins = login(module, pkcs11, token, session, config);
      return new Pkcs11Session(pkcs11, module, token, config.tokenLabel.trim(), session, config.pin, logins);
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

  get lib(): Pkcs11Js.PKCS11 {
    return this.module.lib;
  }

  /** The session handle operations run on (it changes when the session is renewed). */
  get handle(): Handle {
    return this.current;
  }

  /**
   * Runs `op` after every call queued before it: one PKCS#11 operation at a time on the session. When the
   * session was lost (closed, logged out), `op` runs once more on a new one.
   */
  run<T>(what: string, op: () => T | Promise<T>): Promise<T> {
    if (this.closed)
      return Promise.reject(new KeyStoreError('STORE_CLOSED', `the PKCS#11 key store of token "${this.tokenLabel}" is closed`));
    const result = this.queue.then(async () => {
      try {
        try {
          return await op();
        } catch (e) {
          if (!SESSION_LOST.has(ckr(e) ?? '')) throw e;
          this.renew();
          return await op();
        }
      } catch (e) {
        throw hsmError(`${what} on token "${this.tokenLabel}"`, e);
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Replaces the session with a new one on the same token: opened before the old one closes, so the token stays
   * logged in; logs in again when it is not.
   */
  renew(): void {
    const fresh = this.lib.C_OpenSession(this.token.slot, this.pkcs11.CKF_SERIAL_SESSION | this.pkcs11.CKF_RW_SESSION);
    const old = this.current;
    this.current = fresh;
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
  find(objectClass: number, keyId?: string): Handle[] {
    const template: Template = [
      { type: this.pkcs11.CKA_CLASS, value: objectClass },
      { type: this.pkcs11.CKA_KEY_TYPE, value: CKK_EC_EDWARDS },
    ];
    if (keyId !== undefined) template.push({ type: this.pkcs11.CKA_LABEL, value: keyId });
    return this.findObjects(template);
  }

  findObjects(template: Template): Handle[] {
    this.lib.C_FindObjectsInit(this.current, template);
    try {
      const found: Handle[] = [];
      for (;;) {
        const batch = this.lib.C_FindObjects(this.current, FIND_BATCH);
        found.push(...batch);
        if (batch.length < FIND_BATCH) return found;
      }
    } finally {
      this.lib.C_FindObjectsFinal(this.current);
    }
  }

  /** Waits for the queued operations, closes the session, logs out with the last session of the process, releases the module. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    try {
      this.lib.C_CloseSession(this.current);
    } catch {
      // the token may be gone; the module is released below either way
    }
    const login = this.module.logins.get(this.token.key);
    if (login && --login.sessions === 0) this.module.logins.delete(this.token.key);
    releaseModule(this.module);
  }
}

/** Logs the token in unless another session of this process already did (then the PIN must be the same). */
function login(module: LoadedModule, pkcs11: Binding, token: Token, session: Handle, config: Pkcs11SessionConfig): number {
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
