import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * A fresh pre-authorized code: 256 random bits, base64url. The code is a bearer credential until redeemed
 * (§4.1.1 "short lived and single use"), so it must not be guessable.
 */
export function generatePreAuthorizedCode(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A numeric transaction code of `length` digits, drawn uniformly (no modulo bias), for the End-User to
 * receive over a second channel (§4.1.1 `tx_code`).
 */
export function generateTransactionCode(length = 6): string {
  if (!Number.isInteger(length) || length < 4 || length > 12) throw new Error('A transaction code has 4 to 12 digits');
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

/**
 * The value to store instead of a pre-authorized or transaction code: hex SHA-256 of its UTF-8 bytes. The
 * store then never holds a code that could be replayed from a leaked row. A plain hash is enough for the
 * 256-bit pre-authorized code; for the few-digit tx_code it only hides the value casually, and guessing is
 * stopped by the code's short life and single use, not by the hash.
 */
export function hashOfferCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

/** Whether `code` hashes to `storedHash`, comparing in constant time so timing tells nothing. */
export function offerCodeMatchesHash(code: string, storedHash: string): boolean {
  const actual = Buffer.from(hashOfferCode(code), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}
