import { createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, pbkdf2, randomUUID } from 'node:crypto';
import { chmod, link, mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { decodePublicKeyMultibase, ed25519Sign, encodePublicKeyMultibase } from '@alliance/credentials';
import { CompactEncrypt, compactDecrypt, decodeProtectedHeader, errors } from 'jose';
import { assertValidKeyId, isValidKeyId } from './key-id';
import { KeyStoreError } from './key-store-error';
import type { SigningKeyStore } from './signing-key-store';

/** Keys in passphrase-encrypted files: for development and tests, never for an institution's production keys. */
export interface FileKeyStoreConfig {
  kind: 'file';
  /** One file per key; created with mode 0700 when missing. */
  directory: string;
  passphrase: string;
}

/** What a key file holds: the public key in clear, the private JWK as a passphrase-encrypted compact JWE. */
export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  keyId: string;
  algorithm: 'Ed25519';
  publicKeyMultibase: string;
  /** PBES2-HS512+A256KW / A256GCM; protected header kid = keyId, cty = 'jwk+json'. */
  privateKeyJwe: string;
}

export const KEY_FILE_FORMAT = 'alliance-signer-key/1';
export const KEY_FILE_SUFFIX = '.key.json';
const ALG = 'PBES2-HS512+A256KW';
const ENC = 'A256GCM';
/** PBKDF2-HMAC-SHA512 iterations of new files (OWASP's 2023 figure for SHA-512). */
export const KEY_FILE_PBES2_COUNT = 210_000;
/** Files claiming fewer iterations were not written by this store and are refused. */
const MIN_PBES2_COUNT = KEY_FILE_PBES2_COUNT;
const MAX_PBES2_COUNT = 10_000_000;

const pbkdf2Async = promisify(pbkdf2);

/**
 * Ed25519 keys in a directory, one `<keyId>.key.json` per key (mode 0600, directory 0700). The public key
 * is readable without the passphrase; the private key is decrypted on first use and kept in memory until close.
 */
export class FileKeyStore implements SigningKeyStore {
  readonly kind = 'file' as const;
  private readonly unlocked = new Map<string, KeyObject>();
  private closed = false;

  private constructor(
    readonly directory: string,
    private readonly passphrase: Uint8Array,
  ) {}

  static async open(config: FileKeyStoreConfig): Promise<FileKeyStore> {
    if (typeof config?.directory !== 'string' || config.directory.length === 0) {
      throw new KeyStoreError('INVALID_CONFIG', 'the file key store needs a directory');
    }
    if (typeof config.passphrase !== 'string' || config.passphrase.length === 0) {
      throw new KeyStoreError('INVALID_CONFIG', 'the file key store needs a non-empty passphrase');
    }
    const directory = resolve(config.directory);
    try {
      await mkdir(directory, { recursive: true, mode: 0o700 });
      if (!(await stat(directory)).isDirectory()) throw new Error('it is not a directory');
      await chmod(directory, 0o700);
    } catch (e) {
      throw new KeyStoreError('INVALID_CONFIG', `cannot use ${directory} as the key directory: ${(e as Error).message}`, { cause: e });
    }
    return new FileKeyStore(directory, new TextEncoder().encode(config.passphrase));
  }

  async generate(keyId: string): Promise<{ publicKeyMultibase: string }> {
    this.assertOpen();
    assertValidKeyId(keyId);
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = privateKey.export({ format: 'jwk' });
    const publicKeyMultibase = encodePublicKeyMultibase(new Uint8Array(Buffer.from(jwk.x as string, 'base64url')));
    const privateKeyJwe = await new CompactEncrypt(
      new TextEncoder().encode(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d })),
    )
      .setProtectedHeader({ alg: ALG, enc: ENC, kid: keyId, cty: 'jwk+json' })
      .setKeyManagementParameters({ p2c: KEY_FILE_PBES2_COUNT })
      .encrypt(this.passphrase);
    const file: KeyFile = { format: KEY_FILE_FORMAT, keyId, algorithm: 'Ed25519', publicKeyMultibase, privateKeyJwe };
    await this.writeNew(keyId, `${JSON.stringify(file, null, 2)}\n`);
    this.unlocked.set(keyId, privateKey);
    return { publicKeyMultibase };
  }

  async publicKeyMultibase(keyId: string): Promise<string | undefined> {
    this.assertOpen();
    assertValidKeyId(keyId);
    return (await this.readKeyFile(keyId))?.publicKeyMultibase;
  }

  async sign(keyId: string, data: Uint8Array): Promise<Uint8Array> {
    this.assertOpen();
    assertValidKeyId(keyId);
    if (!(data instanceof Uint8Array)) throw new TypeError('sign expects the data as a Uint8Array');
    return ed25519Sign(data, await this.privateKey(keyId));
  }

  async list(): Promise<string[]> {
    this.assertOpen();
    const names = await readdir(this.directory);
    return names
      .filter((n) => n.endsWith(KEY_FILE_SUFFIX))
      .map((n) => n.slice(0, -KEY_FILE_SUFFIX.length))
      .filter(isValidKeyId)
      .sort();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unlocked.clear();
    this.passphrase.fill(0);
  }

  /** Path of the file that holds `keyId`. */
  keyFilePath(keyId: string): string {
    assertValidKeyId(keyId);
    return join(this.directory, `${keyId}${KEY_FILE_SUFFIX}`);
  }

  private assertOpen(): void {
    if (this.closed) throw new KeyStoreError('STORE_CLOSED', `the file key store of ${this.directory} is closed`);
  }

  /** Writes a new key file in full (temporary file, fsync, hard link): never half a file, never over an existing key. */
  private async writeNew(keyId: string, content: string): Promise<void> {
    const target = this.keyFilePath(keyId);
    const temporary = join(this.directory, `.${keyId}.${randomUUID()}.tmp`);
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.chmod(0o600);
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temporary, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new KeyStoreError('KEY_EXISTS', `${this.directory} already holds a key "${keyId}": choose another key id`, { cause: e });
      }
      throw e;
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
    const dir = await open(this.directory, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  private async readKeyFile(keyId: string): Promise<KeyFile | undefined> {
    const path = this.keyFilePath(keyId);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    const corrupt = (why: string, cause?: unknown) =>
      new KeyStoreError('KEY_FILE_CORRUPT', `key file ${path} is damaged or was tampered with (${why}): restore it from a backup`, {
        cause,
      });
    let file: Partial<KeyFile>;
    try {
      file = JSON.parse(text) as Partial<KeyFile>;
    } catch (e) {
      throw corrupt('not JSON', e);
    }
    if (file?.format !== KEY_FILE_FORMAT || file.algorithm !== 'Ed25519') throw corrupt(`not a ${KEY_FILE_FORMAT} Ed25519 key file`);
    if (file.keyId !== keyId) throw corrupt(`it names key ${JSON.stringify(file.keyId)}`);
    if (typeof file.privateKeyJwe !== 'string') throw corrupt('no encrypted private key');
    try {
      decodePublicKeyMultibase(file.publicKeyMultibase as string);
    } catch (e) {
      throw corrupt('its publicKeyMultibase is not an Ed25519 Multikey', e);
    }
    return file as KeyFile;
  }

  private async privateKey(keyId: string): Promise<KeyObject> {
    const cached = this.unlocked.get(keyId);
    if (cached) return cached;
    const file = await this.readKeyFile(keyId);
    if (!file) throw new KeyStoreError('KEY_NOT_FOUND', `${this.directory} holds no key "${keyId}"`);
    const path = this.keyFilePath(keyId);
    const corrupt = (why: string, cause?: unknown) =>
      new KeyStoreError('KEY_FILE_CORRUPT', `key file ${path} is damaged or was tampered with (${why}): restore it from a backup`, {
        cause,
      });

    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(file.privateKeyJwe);
    } catch (e) {
      throw corrupt('unreadable JWE header', e);
    }
    if (header.alg !== ALG || header.enc !== ENC) throw corrupt(`JWE uses ${String(header.alg)}/${String(header.enc)}, not ${ALG}/${ENC}`);
    if (typeof header.p2c !== 'number' || header.p2c < MIN_PBES2_COUNT)
      throw corrupt(`PBES2 count ${String(header.p2c)} is below ${MIN_PBES2_COUNT}`);
    if (header.kid !== keyId) throw corrupt(`its encrypted key belongs to ${JSON.stringify(header.kid)}`);

    let plaintext: Uint8Array;
    try {
      ({ plaintext } = await compactDecrypt(file.privateKeyJwe, this.passphrase, {
        keyManagementAlgorithms: [ALG],
        contentEncryptionAlgorithms: [ENC],
        maxPBES2Count: MAX_PBES2_COUNT,
      }));
    } catch (e) {
      if (e instanceof errors.JWEDecryptionFailed && !(await this.passphraseUnwraps(file.privateKeyJwe))) {
        throw new KeyStoreError(
          'WRONG_PASSPHRASE',
          `wrong passphrase for key file ${path}: use the passphrase the key was created with (it is not stored anywhere)`,
          { cause: e },
        );
      }
      throw corrupt('authenticated decryption failed', e);
    }

    let key: KeyObject;
    try {
      const jwk = JSON.parse(new TextDecoder().decode(plaintext)) as { kty?: string; crv?: string; x?: string; d?: string };
      if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string') throw new Error('not an Ed25519 private JWK');
      key = createPrivateKey({ key: jwk, format: 'jwk' });
    } catch (e) {
      throw corrupt('the decrypted key is not an Ed25519 private JWK', e);
    }
    const x = createPublicKey(key).export({ format: 'jwk' }).x as string;
    if (!Buffer.from(x, 'base64url').equals(Buffer.from(decodePublicKeyMultibase(file.publicKeyMultibase)))) {
      throw corrupt('its public key does not belong to its private key');
    }
    this.unlocked.set(keyId, key);
    return key;
  }

  /**
   * Does the passphrase unwrap the JWE's content key (PBKDF2 + AES key wrap, RFC 7518 §4.8)? jose answers a
   * failed unwrap and a failed content decryption alike; this tells a wrong passphrase from a damaged file.
   */
  private async passphraseUnwraps(jwe: string): Promise<boolean> {
    try {
      const { p2s, p2c } = decodeProtectedHeader(jwe) as { p2s?: string; p2c?: number };
      const encryptedKey = Buffer.from(jwe.split('.')[1] ?? '', 'base64url');
      if (typeof p2s !== 'string' || typeof p2c !== 'number' || p2c > MAX_PBES2_COUNT) return false;
      const salt = Buffer.concat([Buffer.from(ALG, 'utf8'), Buffer.of(0), Buffer.from(p2s, 'base64url')]);
      const kek = await pbkdf2Async(this.passphrase, salt, p2c, 32, 'sha512');
      const unwrap = createDecipheriv('id-aes256-wrap', kek, Buffer.from('a6a6a6a6a6a6a6a6', 'hex'));
      Buffer.concat([unwrap.update(encryptedKey), unwrap.final()]);
      return true;
    } catch {
      return false;
    }
  }
}
