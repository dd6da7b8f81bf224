/**
 * Where an institution-run signer keeps its Ed25519 keys. The private half never leaves the store: callers
 * get public keys and signatures, nothing else.
 */
export interface SigningKeyStore {
  readonly kind: 'pkcs11' | 'file';
  /** Creates a new Ed25519 key named `keyId`; fails if one with that name exists. */
  generate(keyId: string): Promise<{ publicKeyMultibase: string }>;
  /** The Multikey public key of `keyId`, or undefined when the store holds no such key. */
  publicKeyMultibase(keyId: string): Promise<string | undefined>;
  /** Pure Ed25519 (RFC 8032) signature of `data` by `keyId`: 64 bytes. */
  sign(keyId: string, data: Uint8Array): Promise<Uint8Array>;
  /** Names of the keys the store holds. */
  list(): Promise<string[]>;
  close(): Promise<void>;
}
