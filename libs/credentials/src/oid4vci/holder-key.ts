import { ECDH } from 'node:crypto';
import type { Jwk, JwtSigner as LibraryJwtSigner } from '@openid4vc/oauth2';
import { decodeMultibaseBase58btc } from '../encoding/multibase';

/** Multicodec headers (varint) of the did:key key types a wallet is likely to hold. */
const ED25519_PUB = [0xed, 0x01];
const P256_PUB = [0x80, 0x24];

/**
 * The public JWK a proof's header points at: the `jwk` header itself, or the key inside a `did:jwk` or
 * `did:key` DID URL in `kid`. Anything else (x5c, federation, DIDs that need resolution) is not supported and
 * yields `undefined`, which the caller turns into `invalid_proof`.
 */
export function holderJwkOf(signer: LibraryJwtSigner): Jwk | undefined {
  if (signer.method === 'jwk') return signer.publicJwk;
  if (signer.method !== 'did') return undefined;
  const did = signer.didUrl.split('#')[0];
  if (did.startsWith('did:jwk:')) return didJwkKey(did);
  if (did.startsWith('did:key:')) return didKeyKey(did, signer.didUrl);
  return undefined;
}

/** The DID method (`did:jwk`, `did:key`, …) of a `kid` header, or `undefined` when it is not a DID URL. */
export function didMethodOf(kid: string | undefined): string | undefined {
  const match = /^(did:[a-z0-9]+):/.exec(kid ?? '');
  return match?.[1];
}

function didJwkKey(did: string): Jwk | undefined {
  try {
    const jwk = JSON.parse(Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8')) as Jwk;
    return typeof jwk?.kty === 'string' && !('d' in jwk) ? jwk : undefined;
  } catch {
    return undefined;
  }
}

function didKeyKey(did: string, didUrl: string): Jwk | undefined {
  const id = did.slice('did:key:'.length);
  // A did:key URL names its only key by the identifier itself; another fragment points at nothing.
  const fragment = didUrl.split('#')[1];
  if (fragment !== undefined && fragment !== id) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = decodeMultibaseBase58btc(id);
  } catch {
    return undefined;
  }
  const body = Buffer.from(bytes.slice(2));
  if (bytes[0] === ED25519_PUB[0] && bytes[1] === ED25519_PUB[1] && body.length === 32) {
    return { kty: 'OKP', crv: 'Ed25519', x: body.toString('base64url') };
  }
  if (bytes[0] === P256_PUB[0] && bytes[1] === P256_PUB[1] && body.length === 33) {
    // did:key carries the compressed point; JWK needs both coordinates.
    const point = ECDH.convertKey(body, 'prime256v1', undefined, undefined, 'uncompressed') as Buffer;
    return { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') };
  }
  return undefined;
}
