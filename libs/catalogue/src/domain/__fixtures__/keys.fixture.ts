import { generateKeyPairSync } from 'node:crypto';
import { ed25519FromRaw, type Ed25519PublicKey } from '../institution/public-key';

/** A fresh Ed25519 public key in both forms (the private half is dropped: the catalogue never sees it). */
export function freshPublicKey(): Ed25519PublicKey {
  const { publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x as string;
  return ed25519FromRaw(Buffer.from(x, 'base64url'));
}
