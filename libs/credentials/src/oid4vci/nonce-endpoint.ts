import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NonceResponse } from '@openid4vc/openid4vci';
import type { IssuerProtocol } from './issuer-protocol';
import { NO_STORE, type ProtocolResponse } from './protocol-response';

// A c_nonce is `<payload>.<mac>`: payload = 8-byte big-endian expiry (Unix seconds) ‖ 16 random bytes, mac =
// HMAC-SHA-256 over the payload. Any replica holding the secret can check it, so no nonce store is needed.
// The price: a nonce can be used more than once until it expires, so keep cNonceTtlSeconds short.
const EXPIRY_BYTES = 8;
const RANDOM_BYTES = 16;

/** Creates a fresh, unpredictable `c_nonce` (§7.2) that expires after `cNonceTtlSeconds`. */
export function createCNonce(protocol: IssuerProtocol): { cNonce: string; expiresAt: Date } {
  const expiresAt = new Date(protocol.now().getTime() + protocol.limits.cNonceTtlSeconds * 1000);
  const payload = Buffer.alloc(EXPIRY_BYTES + RANDOM_BYTES);
  payload.writeBigUInt64BE(BigInt(Math.floor(expiresAt.getTime() / 1000)));
  randomBytes(RANDOM_BYTES).copy(payload, EXPIRY_BYTES);
  return { cNonce: `${payload.toString('base64url')}.${mac(protocol, payload).toString('base64url')}`, expiresAt };
}

/** The expiry of a `c_nonce` this issuer made and that is still valid, or `undefined`. */
export function verifyCNonce(protocol: IssuerProtocol, cNonce: string): Date | undefined {
  const [payloadText, macText, extra] = cNonce.split('.');
  if (!payloadText || !macText || extra !== undefined) return undefined;
  const payload = Buffer.from(payloadText, 'base64url');
  const given = Buffer.from(macText, 'base64url');
  const expected = mac(protocol, payload);
  if (payload.length !== EXPIRY_BYTES + RANDOM_BYTES || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return undefined;
  }
  const expiresAt = new Date(Number(payload.readBigUInt64BE()) * 1000);
  return protocol.now().getTime() <= expiresAt.getTime() ? expiresAt : undefined;
}

/** Nonce endpoint (§7): a new `c_nonce`, uncacheable. The request needs no access token. */
export function handleNonceRequest(protocol: IssuerProtocol): ProtocolResponse<NonceResponse> {
  const { cNonce } = createCNonce(protocol);
  return {
    status: 200,
    headers: { ...NO_STORE },
    body: protocol.issuer.createNonceResponse({ cNonce, cNonceExpiresIn: protocol.limits.cNonceTtlSeconds }),
  };
}

function mac(protocol: IssuerProtocol, payload: Buffer): Buffer {
  return createHmac('sha256', protocol.nonceSecret).update('oid4vci c_nonce\0').update(payload).digest();
}
