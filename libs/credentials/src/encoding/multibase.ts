import { base58btcDecode, base58btcEncode } from './base58btc';

/** Multibase prefix of base58btc, the encoding Data Integrity uses for keys and proof values. */
export const BASE58BTC_PREFIX = 'z';
/** Multibase prefix of base64url without padding, the encoding of Bitstring Status List `encodedList`. */
export const BASE64URL_PREFIX = 'u';

/** Multicodec header of an Ed25519 public key (varint of 0xed). */
export const ED25519_PUBLIC_HEADER = Uint8Array.of(0xed, 0x01);
/** Multicodec header of an Ed25519 private key (varint of 0x1300). */
export const ED25519_PRIVATE_HEADER = Uint8Array.of(0x80, 0x26);

/** Thrown when a multibase or multicodec value cannot be decoded as expected. */
export class MultibaseError extends Error {
  override readonly name = 'MultibaseError';
}

/** `z` + base58btc(bytes). */
export function encodeMultibaseBase58btc(bytes: Uint8Array): string {
  return BASE58BTC_PREFIX + base58btcEncode(bytes);
}

/** Decodes a `z`-prefixed base58btc multibase value; any other prefix is rejected. */
export function decodeMultibaseBase58btc(value: string): Uint8Array {
  if (typeof value !== 'string' || !value.startsWith(BASE58BTC_PREFIX)) {
    throw new MultibaseError(`expected a base58btc multibase value starting with 'z'`);
  }
  try {
    return base58btcDecode(value.slice(1));
  } catch (e) {
    throw new MultibaseError((e as Error).message);
  }
}

/** `u` + base64url without padding. */
export function encodeMultibaseBase64url(bytes: Uint8Array): string {
  return BASE64URL_PREFIX + Buffer.from(bytes).toString('base64url');
}

/** Decodes a `u`-prefixed base64url (no padding) multibase value. */
export function decodeMultibaseBase64url(value: string): Uint8Array {
  if (typeof value !== 'string' || !value.startsWith(BASE64URL_PREFIX)) {
    throw new MultibaseError(`expected a base64url multibase value starting with 'u'`);
  }
  const body = value.slice(1);
  if (!/^[A-Za-z0-9_-]*$/.test(body))
    throw new MultibaseError('base64url value contains characters outside the URL-safe alphabet or padding');
  return new Uint8Array(Buffer.from(body, 'base64url'));
}

/** Prefixes `bytes` with a multicodec `header`. */
export function withMulticodec(header: Uint8Array, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(header.length + bytes.length);
  out.set(header, 0);
  out.set(bytes, header.length);
  return out;
}

/** Strips and checks a multicodec `header`; throws when the value carries another codec. */
export function withoutMulticodec(header: Uint8Array, bytes: Uint8Array, what: string): Uint8Array {
  for (let i = 0; i < header.length; i++) {
    if (bytes[i] !== header[i]) {
      const hex = Buffer.from(header).toString('hex');
      throw new MultibaseError(`${what} does not start with the multicodec header 0x${hex}`);
    }
  }
  return bytes.slice(header.length);
}
