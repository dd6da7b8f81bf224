import { createPrivateKey, sign } from 'node:crypto';
import { keyPair } from './__tests__/learning-credential.fixture';
import { assertPublicJwk, isImportablePublicJwk, jwsAlgorithmOf, publicJwkOf, verifyJwsSignature } from './jose-keys';
import { localSigner } from './jws-signer';

describe('JWK helpers', () => {
  it.each(['ES256', 'EdDSA'] as const)('publicJwkOf derives the %s public key and keeps the kid', (alg) => {
    const pair = keyPair(alg, 'k-7');
    expect(publicJwkOf(pair.privateJwk)).toEqual(pair.publicJwk);
    expect(jwsAlgorithmOf(pair.publicJwk)).toBe(alg);
  });

  it('assertPublicJwk names the private members it finds', () => {
    expect(() => assertPublicJwk({ kty: 'oct', k: 'c2VjcmV0' }, 'issuerJwk')).toThrow(/^issuerJwk must be a public JWK; .* k$/);
    expect(() => assertPublicJwk({ kty: 'RSA', n: 'n', e: 'AQAB', d: 'd', p: 'p' }, 'jwk')).toThrow(/d, p/);
    expect(() => assertPublicJwk('not a key', 'holderJwk')).toThrow(/^holderJwk must be a JWK object/);
    expect(() => assertPublicJwk(keyPair('EdDSA').publicJwk, 'holderJwk')).not.toThrow();
  });

  it('isImportablePublicJwk refuses a key with a broken coordinate', () => {
    const { publicJwk } = keyPair('ES256');
    expect(isImportablePublicJwk(publicJwk)).toBe(true);
    expect(isImportablePublicJwk({ ...publicJwk, x: publicJwk.x!.slice(0, 10) })).toBe(false);
  });

  it('jwsAlgorithmOf refuses keys outside ES256 and EdDSA', () => {
    expect(() => jwsAlgorithmOf({ kty: 'EC', crv: 'P-384' })).toThrow(TypeError);
    expect(() => jwsAlgorithmOf({ kty: 'OKP', crv: 'X25519' })).toThrow(TypeError);
  });
});

describe('verifyJwsSignature', () => {
  it.each(['ES256', 'EdDSA'] as const)('accepts a %s signature from localSigner and refuses it over other data', async (alg) => {
    const { privateJwk, publicJwk } = keyPair(alg);
    const signature = await localSigner(privateJwk).sign('aGVhZGVy.cGF5bG9hZA');
    expect(verifyJwsSignature(publicJwk, 'aGVhZGVy.cGF5bG9hZA', signature)).toBe(true);
    expect(verifyJwsSignature(publicJwk, 'aGVhZGVy.cGF5bG9hZB', signature)).toBe(false);
  });

  it('wants ES256 signatures as raw r ‖ s (64 bytes), not DER', async () => {
    const { privateJwk, publicJwk } = keyPair('ES256');
    expect(Buffer.from(await localSigner(privateJwk).sign('a.b'), 'base64url')).toHaveLength(64);
    const der = sign('sha256', Buffer.from('a.b'), createPrivateKey({ key: privateJwk, format: 'jwk' }));
    expect(verifyJwsSignature(publicJwk, 'a.b', der.toString('base64url'))).toBe(false);
  });
});
