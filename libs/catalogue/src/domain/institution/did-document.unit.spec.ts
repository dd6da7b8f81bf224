import { generateEd25519KeyPair } from '@alliance/credentials';
import { didDocumentOf } from './did-document';
import type { SigningKeyRecord } from './institution.events';

const DID = 'did:web:credentials.alliance.example:institutions:uni';

function key(keyId: string, window: Partial<SigningKeyRecord> & { validFrom: string }): SigningKeyRecord {
  const { publicKeyMultibase } = generateEd25519KeyPair();
  return {
    keyId,
    verificationMethodId: `${DID}#${keyId}`,
    type: 'Multikey',
    algorithm: 'Ed25519',
    publicKeyMultibase,
    publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 'unused' },
    custody: 'institution',
    ...window,
  };
}

describe('platform-hosted DID document: key validity as Controlled Identifiers 1.0 states it', () => {
  const ROTATED_AT = '2026-03-01T00:00:00.000Z';
  const COMPROMISED_SINCE = '2026-04-10T00:00:00.000Z';
  const REVOKED_AT = '2026-04-15T00:00:00.000Z';
  const NOW = '2026-05-01T00:00:00.000Z';
  const keys = [
    key('key-1', { validFrom: '2026-01-01T00:00:00.000Z', validUntil: ROTATED_AT }),
    key('key-2', {
      validFrom: ROTATED_AT,
      validUntil: REVOKED_AT,
      revokedAt: REVOKED_AT,
      revocationReason: 'laptop stolen',
      compromisedSince: COMPROMISED_SINCE,
    }),
    key('key-3', { validFrom: REVOKED_AT, validUntil: '2027-01-01T00:00:00.000Z' }),
    key('key-4', {
      validFrom: '2026-04-20T00:00:00.000Z',
      validUntil: '2026-04-25T00:00:00.000Z',
      revokedAt: '2026-04-25T00:00:00.000Z',
      revocationReason: 'retired',
    }),
  ];
  const doc = didDocumentOf(DID, keys, 'https://uni.example', NOW);
  const method = (keyId: string) => doc.verificationMethod!.find((m) => m.id === `${DID}#${keyId}`) as unknown as Record<string, unknown>;

  it('marks a rotated key revoked at the end of its window and a compromised key revoked where the compromise began', () => {
    expect(method('key-1')).toMatchObject({ revoked: ROTATED_AT });
    expect(method('key-2')).toMatchObject({ revoked: COMPROMISED_SINCE });
    expect(method('key-4')).toMatchObject({ revoked: '2026-04-25T00:00:00.000Z' });
  });

  it('states a planned end as expires, and nothing for a key without an end', () => {
    expect(method('key-3')).toMatchObject({ expires: '2027-01-01T00:00:00.000Z' });
    expect(method('key-3').revoked).toBeUndefined();
    const open = didDocumentOf(DID, [key('key-1', { validFrom: '2026-01-01T00:00:00.000Z' })], 'https://uni.example', NOW);
    expect(Object.keys(open.verificationMethod![0]).sort()).toEqual(['controller', 'id', 'publicKeyMultibase', 'type']);
  });

  it('keeps every key listed, without the non-standard validFrom/validUntil', () => {
    expect(doc.verificationMethod!.map((m) => m.id.split('#')[1])).toEqual(['key-1', 'key-2', 'key-3', 'key-4']);
    for (const m of doc.verificationMethod!) expect(Object.keys(m)).not.toEqual(expect.arrayContaining(['validFrom']));
    for (const m of doc.verificationMethod!) expect(Object.keys(m)).not.toEqual(expect.arrayContaining(['validUntil']));
    expect(doc.assertionMethod).toHaveLength(4);
    expect(doc.authentication).toEqual([`${DID}#key-3`]);
  });
});
