import { freshPublicKey } from '../__fixtures__/keys.fixture';
import { didDocumentOf } from './did-document';
import type { SigningKeyRecord } from './institution.events';
import type { StatusPeriod } from './institution.state';
import { keyValidityAt } from './key-validity';

const DID = 'did:web:platform.example:institutions:aau';
const key = (keyId: string, validFrom: string, validUntil?: string): SigningKeyRecord => ({
  keyId,
  verificationMethodId: `${DID}#${keyId}`,
  type: 'Multikey',
  algorithm: 'Ed25519',
  ...freshPublicKey(),
  custody: 'issuance-service',
  validFrom,
  ...(validUntil ? { validUntil } : {}),
});

const history: StatusPeriod[] = [
  { status: 'active', from: '2026-01-01T00:00:00.000Z' },
  { status: 'suspended', from: '2026-05-01T00:00:00.000Z', reason: 'QA review' },
  { status: 'active', from: '2026-06-01T00:00:00.000Z' },
];
const rotated = key('key-1', '2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z');
const current = key('key-2', '2026-04-01T00:00:00.000Z');
/** The current key, declared compromised from July and revoked in August. */
const compromised: SigningKeyRecord = {
  ...current,
  validUntil: '2026-08-01T00:00:00.000Z',
  revokedAt: '2026-08-01T00:00:00.000Z',
  compromisedSince: '2026-07-01T00:00:00.000Z',
};

describe('key validity at an instant', () => {
  it.each([
    ['2025-12-31T23:59:59Z', rotated, false, 'not-yet-valid'],
    ['2026-02-01T00:00:00Z', rotated, true, undefined],
    ['2026-04-01T00:00:00Z', rotated, false, 'expired'],
    ['2026-04-01T00:00:00Z', current, true, undefined],
    ['2026-05-15T00:00:00Z', current, false, 'institution-suspended'],
    ['2026-07-01T00:00:00Z', current, true, undefined],
  ] as const)('at %s key %s', (at, k, valid, reason) => {
    const answer = keyValidityAt(k, history, at);
    expect(answer.valid).toBe(valid);
    expect(answer.reason).toBe(reason);
  });

  it('reports the standing of the institution at that instant', () => {
    expect(keyValidityAt(current, history, '2026-05-15T00:00:00Z').institutionStatusAt).toBe('suspended');
  });

  it('answers institution-pending while the member had not confirmed its membership', () => {
    const onboarding: StatusPeriod[] = [{ status: 'pending', from: '2025-12-01T00:00:00.000Z' }, ...history];
    expect(keyValidityAt(rotated, onboarding, '2025-12-15T00:00:00Z')).toMatchObject({ valid: false, institutionStatusAt: 'pending' });
    expect(keyValidityAt({ ...rotated, validFrom: '2025-12-01T00:00:00.000Z' }, onboarding, '2025-12-15T00:00:00Z').reason).toBe(
      'institution-pending',
    );
  });

  it('answers compromised from compromisedSince on, revoked after a retirement, and names both instants', () => {
    expect(keyValidityAt(compromised, history, '2026-06-30T23:59:59.999Z')).toMatchObject({ valid: true });
    expect(keyValidityAt(compromised, history, '2026-07-01T00:00:00Z')).toMatchObject({
      valid: false,
      reason: 'compromised',
      compromisedSince: '2026-07-01T00:00:00.000Z',
      revokedAt: '2026-08-01T00:00:00.000Z',
    });
    const retired = { ...current, validUntil: '2026-08-01T00:00:00.000Z', revokedAt: '2026-08-01T00:00:00.000Z' };
    expect(keyValidityAt(retired, history, '2026-07-15T00:00:00Z')).toMatchObject({ valid: true });
    expect(keyValidityAt(retired, history, '2026-08-01T00:00:00Z')).toMatchObject({ valid: false, reason: 'revoked' });
  });
});

describe('DID document', () => {
  it('keeps every key, a rotated one revoked where its successor starts, and authenticates only with current keys', () => {
    const doc = didDocumentOf(DID, [rotated, current], 'https://www.aau.dk', '2026-07-01T00:00:00.000Z');
    expect(doc.id).toBe(DID);
    expect(doc['@context']).toContain('https://www.w3.org/ns/did/v1');
    expect(doc.verificationMethod).toEqual([
      {
        id: `${DID}#key-1`,
        type: 'Multikey',
        controller: DID,
        publicKeyMultibase: rotated.publicKeyMultibase,
        revoked: rotated.validUntil,
      },
      { id: `${DID}#key-2`, type: 'Multikey', controller: DID, publicKeyMultibase: current.publicKeyMultibase },
    ]);
    expect(doc.assertionMethod).toEqual([`${DID}#key-1`, `${DID}#key-2`]);
    expect(doc.authentication).toEqual([`${DID}#key-2`]);
  });

  it('marks a compromised key revoked where the compromise began, so document-only verifiers refuse later signatures', () => {
    const doc = didDocumentOf(DID, [rotated, compromised], 'https://www.aau.dk', '2026-09-01T00:00:00.000Z');
    expect(doc.verificationMethod?.[1]).toEqual({
      id: `${DID}#key-2`,
      type: 'Multikey',
      controller: DID,
      publicKeyMultibase: current.publicKeyMultibase,
      revoked: '2026-07-01T00:00:00.000Z',
    });
    expect(doc.authentication).toEqual([]);
  });
});
