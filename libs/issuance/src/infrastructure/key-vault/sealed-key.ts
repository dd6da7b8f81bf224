import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { MasterKey } from './master-key';

/** A private key as stored: AES-256-GCM ciphertext bound (AAD) to the institution, key ref and public key. */
export interface SealedKey {
  version: 1;
  algorithm: 'A256GCM';
  masterKeyId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/** What a sealed key is bound to: moving ciphertext to another row or institution makes it unopenable. */
export interface SealBinding {
  institutionId: string;
  keyRef: string;
  publicKeyMultibase: string;
}

const aad = (b: SealBinding) => Buffer.from(`alliance-issuance|${b.institutionId}|${b.keyRef}|${b.publicKeyMultibase}`, 'utf8');

export function sealPrivateKey(master: MasterKey, secret: Uint8Array, binding: SealBinding): SealedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master.sealingKey(), iv);
  cipher.setAAD(aad(binding));
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
  return {
    version: 1,
    algorithm: 'A256GCM',
    masterKeyId: master.id,
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
  };
}

export class SealedKeyError extends Error {}

export function openPrivateKey(master: MasterKey, sealed: SealedKey, binding: SealBinding): Buffer {
  if (sealed.version !== 1 || sealed.algorithm !== 'A256GCM')
    throw new SealedKeyError(`unsupported sealed key format ${sealed.version}/${sealed.algorithm}`);
  if (sealed.masterKeyId !== master.id) {
    throw new SealedKeyError(`key ${binding.keyRef} was sealed with master key ${sealed.masterKeyId}, not the configured ${master.id}`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', master.sealingKey(), Buffer.from(sealed.iv, 'base64url'));
    decipher.setAAD(aad(binding));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64url')), decipher.final()]);
  } catch {
    throw new SealedKeyError(`key ${binding.keyRef} could not be opened: the record was altered or bound to another key`);
  }
}
