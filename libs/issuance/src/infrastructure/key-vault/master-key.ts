import { createHash, hkdfSync } from 'node:crypto';

/**
 * The key that seals every private key issuance holds. Built from ISSUANCE_MASTER_KEY (32 random bytes as
 * 64 hex characters or base64); the AES key is derived with HKDF so the raw configuration value is used
 * for nothing else. `id` names it in sealed records without revealing it, so a wrong key fails clearly.
 */
export class MasterKey {
  private constructor(
    readonly id: string,
    private readonly aesKey: Buffer,
  ) {}

  static fromConfig(value: string): MasterKey {
    const raw = decode(value.trim());
    const aesKey = Buffer.from(hkdfSync('sha256', raw, Buffer.from('alliance-issuance'), Buffer.from('key-vault/aes-256-gcm/v1'), 32));
    const id = createHash('sha256').update('key-vault-id').update(aesKey).digest('hex').slice(0, 16);
    return new MasterKey(id, aesKey);
  }

  /**
   * 32 bytes for one purpose, derived apart from the sealing key and from each other: the same on every replica
   * that has the master key, so wallet offers' codes (see `OfferCodes`), OpenID4VCI nonces and access tokens made
   * by one replica are checked by any other.
   */
  derivedKey(purpose: DerivedKeyPurpose): Buffer {
    return Buffer.from(hkdfSync('sha256', this.aesKey, Buffer.from('alliance-issuance'), Buffer.from(`${purpose}/v1`), 32));
  }

  /** For the vault only: the derived AES-256 key. */
  sealingKey(): Buffer {
    return this.aesKey;
  }

  /** Never print the key, whatever logs or inspects the object. */
  toJSON(): string {
    return `MasterKey(${this.id})`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toJSON();
  }
}

/** What a key derived from the master key is for (see `MasterKey.derivedKey`). */
export type DerivedKeyPurpose =
  | 'wallet-offer-codes'
  | 'oid4vci-access-tokens'
  | 'oid4vci-nonces'
  | 'learner-address-book'
  | 'learner-sign-in-links'
  | 'credential-shares';

export const MASTER_KEY_FORMAT = /^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/;

function decode(value: string): Buffer {
  if (!MASTER_KEY_FORMAT.test(value)) {
    throw new Error('ISSUANCE_MASTER_KEY must be 32 bytes: 64 hex characters or 43/44 base64 characters');
  }
  const bytes = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, 'hex')
    : Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length !== 32) throw new Error('ISSUANCE_MASTER_KEY must decode to exactly 32 bytes');
  return bytes;
}
