import { KeyStoreError } from './key-store-error';

/**
 * Key names both stores accept: a letter or digit, then letters, digits, '.', '_' or '-', at most 128 in all.
 * They are safe as file names (no separators, no leading dot) and as PKCS#11 labels.
 */
export const KEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isValidKeyId(keyId: unknown): keyId is string {
  return typeof keyId === 'string' && KEY_ID_PATTERN.test(keyId);
}

export function assertValidKeyId(keyId: unknown): asserts keyId is string {
  if (!isValidKeyId(keyId)) {
    throw new KeyStoreError(
      'INVALID_KEY_ID',
      `invalid key id ${JSON.stringify(keyId)}: use 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
}
