import { decodePublicKeyMultibase, generateEd25519KeyPair } from '../keys/ed25519';
import type { ControllerDocument } from './controller-document';
import { findKeyInDidDocument } from './did-document-keys';
import { buildDidWebDocument } from './did-web';

describe('findKeyInDidDocument', () => {
  const did = 'did:web:www.uni.example';
  const key = generateEd25519KeyPair();
  const other = generateEd25519KeyPair();
  const query = { did, verificationMethodId: `${did}#key-1`, publicKeyMultibase: key.publicKeyMultibase };
  const jwkX = (multibase: string) => Buffer.from(decodePublicKeyMultibase(multibase)).toString('base64url');

  it('finds a Multikey method with the key URL and the key', () => {
    const doc = buildDidWebDocument(did, [{ id: `${did}#key-1`, publicKeyMultibase: key.publicKeyMultibase }]);
    expect(findKeyInDidDocument(doc, query)).toEqual({ listed: true, verificationMethod: `${did}#key-1`, matchedBy: 'id' });
  });

  it('accepts a relative method id and a method embedded in assertionMethod', () => {
    const relative: ControllerDocument = {
      id: did,
      verificationMethod: [{ id: '#key-1', type: 'Multikey', controller: did, publicKeyMultibase: key.publicKeyMultibase }],
    };
    expect(findKeyInDidDocument(relative, query)).toMatchObject({ listed: true, matchedBy: 'id' });
    const embedded: ControllerDocument = {
      id: did,
      assertionMethod: [{ id: `${did}#key-1`, type: 'Multikey', controller: did, publicKeyMultibase: key.publicKeyMultibase }],
    };
    expect(findKeyInDidDocument(embedded, query)).toMatchObject({ listed: true, matchedBy: 'id' });
  });

  it('finds the same key under another method URL, and an Ed25519 JsonWebKey', () => {
    const renamed = buildDidWebDocument(did, [{ id: `${did}#signing`, publicKeyMultibase: key.publicKeyMultibase }]);
    expect(findKeyInDidDocument(renamed, query)).toEqual({ listed: true, verificationMethod: `${did}#signing`, matchedBy: 'key' });
    const jwk = {
      id: did,
      verificationMethod: [
        {
          id: `${did}#key-1`,
          type: 'JsonWebKey',
          controller: did,
          publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: jwkX(key.publicKeyMultibase) },
        },
      ],
    } as unknown as ControllerDocument;
    expect(findKeyInDidDocument(jwk, query)).toMatchObject({ listed: true, matchedBy: 'id' });
  });

  it('does not find a key the document does not list, nor one whose URL holds another key', () => {
    const without = buildDidWebDocument(did, [{ id: `${did}#key-2`, publicKeyMultibase: other.publicKeyMultibase }]);
    expect(findKeyInDidDocument(without, query)).toMatchObject({ listed: false, reason: 'not-listed' });
    const swapped = buildDidWebDocument(did, [
      { id: `${did}#key-1`, publicKeyMultibase: other.publicKeyMultibase },
      { id: `${did}#key-2`, publicKeyMultibase: key.publicKeyMultibase },
    ]);
    expect(findKeyInDidDocument(swapped, query)).toMatchObject({ listed: false, reason: 'different-key' });
    const p256 = {
      id: did,
      verificationMethod: [
        { id: `${did}#key-1`, type: 'JsonWebKey', controller: did, publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } },
      ],
    } as unknown as ControllerDocument;
    expect(findKeyInDidDocument(p256, query)).toMatchObject({ listed: false, reason: 'different-key' });
    expect(findKeyInDidDocument({ id: did }, query)).toMatchObject({ listed: false, reason: 'not-listed' });
    expect(findKeyInDidDocument({ id: did, verificationMethod: 'nonsense' } as unknown as ControllerDocument, query)).toMatchObject({
      listed: false,
    });
    expect(findKeyInDidDocument({ id: did }, { ...query, publicKeyMultibase: 'zNotAKey' })).toMatchObject({
      listed: false,
      reason: 'invalid-key',
    });
  });
});
