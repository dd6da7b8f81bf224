import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Jwk } from '@openid4vc/oauth2';
import { encodePublicKeyMultibase } from '../keys/ed25519';
import { encodeMultibaseBase58btc } from '../encoding/multibase';
import { holderJwkOf } from './holder-key';
import { createIssuerProtocol } from './issuer-protocol';
import { signCompactJws, verifyCompactJws } from './jws';
import { privateJwkSigner } from './jwt-signer';
import { createCNonce, verifyCNonce } from './nonce-endpoint';
import { didJwkOf, newHolderKey } from './testing/holder-wallet';

describe('JwtSigner over a private JWK', () => {
  it.each(['ES256', 'EdDSA'] as const)('signs %s JWS that verify with the published key and fail once altered', async (alg) => {
    const signer = newHolderKey(alg);
    expect(signer.publicJwk).not.toHaveProperty('d');
    const jws = await signCompactJws(signer, { alg, typ: 'JWT' }, { sub: 'x' });
    expect(verifyCompactJws(jws, alg, signer.publicJwk)).toBe(true);
    const [header, payload, signature] = jws.split('.');
    const flipped = Buffer.from(signature, 'base64url');
    flipped[0] ^= 1;
    expect(verifyCompactJws(`${header}.${payload}.${flipped.toString('base64url')}`, alg, signer.publicJwk)).toBe(false);
    expect(verifyCompactJws(jws, alg, newHolderKey(alg).publicJwk)).toBe(false);
  });

  it('refuses an algorithm the key was not made for, at signing and at verification', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => privateJwkSigner(privateKey.export({ format: 'jwk' }) as Jwk, 'EdDSA')).toThrow(/cannot sign/);
    const signer = newHolderKey('ES256');
    const jws = await signCompactJws(signer, { alg: 'ES256' }, {});
    expect(verifyCompactJws(jws, 'ES384', signer.publicJwk)).toBe(false);
    expect(verifyCompactJws(jws, 'none', signer.publicJwk)).toBe(false);
  });
});

describe('holder keys named by a key proof header', () => {
  it('reads a did:jwk and an Ed25519 or P-256 did:key', () => {
    const ec = newHolderKey('ES256');
    expect(holderJwkOf({ method: 'did', alg: 'ES256', didUrl: `${didJwkOf(ec)}#0` })).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: ec.publicJwk.x,
      y: ec.publicJwk.y,
    });

    const ed = newHolderKey('EdDSA');
    const edMultibase = encodePublicKeyMultibase(Buffer.from(ed.publicJwk.x!, 'base64url'));
    expect(holderJwkOf({ method: 'did', alg: 'EdDSA', didUrl: `did:key:${edMultibase}#${edMultibase}` })).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: ed.publicJwk.x,
    });

    // P-256 did:key holds the compressed point: 0x02/0x03 (parity of y) ‖ x.
    const y = Buffer.from(ec.publicJwk.y!, 'base64url');
    const compressed = Buffer.concat([Buffer.from([0x80, 0x24, 0x02 + (y[31] & 1)]), Buffer.from(ec.publicJwk.x!, 'base64url')]);
    const p256 = encodeMultibaseBase58btc(compressed);
    expect(holderJwkOf({ method: 'did', alg: 'ES256', didUrl: `did:key:${p256}#${p256}` })).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: ec.publicJwk.x,
      y: ec.publicJwk.y,
    });
  });

  it('names no key for other DID methods, another did:key fragment, or a did:jwk holding a private key', () => {
    const ed = newHolderKey('EdDSA');
    const multibase = encodePublicKeyMultibase(Buffer.from(ed.publicJwk.x!, 'base64url'));
    expect(holderJwkOf({ method: 'did', alg: 'EdDSA', didUrl: 'did:web:wallet.example#key-1' })).toBeUndefined();
    expect(holderJwkOf({ method: 'did', alg: 'EdDSA', didUrl: `did:key:${multibase}#other` })).toBeUndefined();
    const withPrivate = Buffer.from(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: ed.publicJwk.x, d: 'secret' })).toString('base64url');
    expect(holderJwkOf({ method: 'did', alg: 'EdDSA', didUrl: `did:jwk:${withPrivate}#0` })).toBeUndefined();
    expect(holderJwkOf({ method: 'x5c', alg: 'ES256', x5c: ['MII'] })).toBeUndefined();
  });
});

describe('stateless c_nonce', () => {
  let clock = Date.now();
  const options = { issuerUrl: 'https://issuer.example', display: [], accessTokenSigner: newHolderKey(), now: () => new Date(clock) };
  const protocol = createIssuerProtocol({ ...options, nonceSecret: randomBytes(32) });

  it('accepts its own live nonces and refuses altered, foreign or expired ones', () => {
    const { cNonce, expiresAt } = createCNonce(protocol);
    expect(verifyCNonce(protocol, cNonce)).toEqual(new Date(Math.floor(expiresAt.getTime() / 1000) * 1000));
    expect(createCNonce(protocol).cNonce).not.toBe(cNonce);
    const [payload, mac] = cNonce.split('.');
    const altered = Buffer.from(payload, 'base64url');
    altered[10] ^= 1;
    expect(verifyCNonce(protocol, `${altered.toString('base64url')}.${mac}`)).toBeUndefined();
    expect(verifyCNonce(createIssuerProtocol({ ...options, nonceSecret: randomBytes(32) }), cNonce)).toBeUndefined();
    clock += (protocol.limits.cNonceTtlSeconds + 1) * 1000;
    expect(verifyCNonce(protocol, cNonce)).toBeUndefined();
  });
});
