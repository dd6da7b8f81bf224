import type { RegisteredInstitution } from '../registry/registered-institution';
import { coIssuanceChecks, type CoIssuanceInput } from './co-issuance-policy';

const uni = (id: string, keys: RegisteredInstitution['keys'], history: RegisteredInstitution['statusHistory'] = [{ status: 'active', from: '2025-01-01T00:00:00.000Z' }]): RegisteredInstitution => ({
  institutionId: id,
  name: `University ${id.toUpperCase()}`,
  countryCode: id === 'a' ? 'DK' : 'DE',
  did: `did:web:${id}.example`,
  statusHistory: history,
  keys,
});
const key = (inst: string, keyId: string, validFrom: string, validUntil?: string) => ({
  keyId,
  verificationMethodId: `did:web:${inst}.example#${keyId}`,
  publicKeyMultibase: `z${inst}${keyId}`,
  validFrom,
  ...(validUntil ? { validUntil } : {}),
});
const A = uni('a', [key('a', 'key-1', '2025-01-01T00:00:00.000Z')]);
const B = uni('b', [key('b', 'key-1', '2025-01-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z'), key('b', 'key-2', '2025-06-01T00:00:00.000Z')]);
const registry = (...known: RegisteredInstitution[]) => (did: string) => known.find((i) => i.did === did);
const proof = (inst: string, keyId: string, verified = true) => ({ index: 0, verificationMethod: `did:web:${inst}.example#${keyId}`, controller: `did:web:${inst}.example`, verified });
const base: CoIssuanceInput = {
  bodies: [{ did: A.did, name: 'University A' }, { did: B.did, name: 'University B' }],
  proofs: [proof('a', 'key-1'), proof('b', 'key-2')],
  validFrom: '2026-01-01T00:00:00.000Z',
  registry: registry(A, B),
};
const outcomes = (input: CoIssuanceInput) => coIssuanceChecks(input).map((c) => [c.id, c.outcome, c.problems.map((p) => p.code)]);

describe('co-issuance policy', () => {
  it('passes when every awarding body signed with a key registered and valid at validFrom', () => {
    expect(outcomes(base)).toEqual([
      ['co-issuance', 'passed', []],
      ['registry-keys', 'passed', []],
    ]);
  });

  it('fails when one awarding body\'s proof was removed from the set', () => {
    const [co] = coIssuanceChecks({ ...base, proofs: [proof('a', 'key-1')] });
    expect(co).toMatchObject({ outcome: 'failed', problems: [{ code: 'MISSING_REQUIRED_SIGNER' }] });
    expect(co.summary).toContain('University B did not sign');
  });

  it('does not count a proof that failed to verify', () => {
    expect(outcomes({ ...base, proofs: [proof('a', 'key-1'), proof('b', 'key-2', false)] })[0]).toEqual(['co-issuance', 'failed', ['MISSING_REQUIRED_SIGNER']]);
  });

  it('fails a key used outside its registered validity', () => {
    const [, reg] = coIssuanceChecks({ ...base, proofs: [proof('a', 'key-1'), proof('b', 'key-1')] });
    expect(reg).toMatchObject({ outcome: 'failed', problems: [{ code: 'KEY_NOT_VALID_AT_VALID_FROM' }] });
    expect(reg.summary).toContain('not at validFrom 2026-01-01');
  });

  it('fails a key the registry never held for that institution', () => {
    expect(outcomes({ ...base, proofs: [proof('a', 'key-1'), proof('b', 'key-9')] })[1]).toEqual(['registry-keys', 'failed', ['KEY_NOT_REGISTERED']]);
  });

  it('fails a signature by a member suspended at validFrom', () => {
    const suspended = uni('b', B.keys, [
      { status: 'active', from: '2025-01-01T00:00:00.000Z' },
      { status: 'suspended', from: '2025-12-01T00:00:00.000Z' },
    ]);
    expect(outcomes({ ...base, registry: registry(A, suspended) })[1]).toEqual(['registry-keys', 'failed', ['INSTITUTION_NOT_ACTIVE']]);
  });

  it('treats an issuer outside the registry as a warning, not a forgery', () => {
    const outside = { bodies: [{ did: 'did:key:z6Mkx' }], proofs: [{ index: 0, controller: 'did:key:z6Mkx', verificationMethod: 'did:key:z6Mkx#z6Mkx', verified: true }], validFrom: base.validFrom, registry: registry(A, B) };
    expect(outcomes(outside)).toEqual([
      ['co-issuance', 'passed', []],
      ['registry-keys', 'not-applicable', []],
    ]);
  });

  it('cannot link signatures to an issuer named only by a web address: a warning, not a failure', () => {
    const web = { bodies: [{ did: 'https://vc.example/issuers/5678' }], proofs: [{ index: 0, controller: 'did:key:z6Mkx', verificationMethod: 'did:key:z6Mkx#z6Mkx', verified: true }], validFrom: base.validFrom, registry: registry(A, B) };
    expect(outcomes(web)).toEqual([
      ['co-issuance', 'warning', ['ISSUER_NOT_CONFIRMED']],
      ['registry-keys', 'not-applicable', []],
    ]);
  });

  it('fails a DID issuer outside the registry that did not sign (it could have)', () => {
    const other = { bodies: [{ did: 'did:key:z6MkIssuer' }], proofs: [{ index: 0, controller: 'did:key:z6MkOther', verificationMethod: 'did:key:z6MkOther#z6MkOther', verified: true }], validFrom: base.validFrom, registry: registry(A, B) };
    expect(outcomes(other)[0]).toEqual(['co-issuance', 'failed', ['MISSING_REQUIRED_SIGNER']]);
  });

  it('shows the registry\'s record over what the credential claims, with a warning', () => {
    const [, reg] = coIssuanceChecks({ ...base, bodies: [{ did: A.did, name: 'Famous Institute of Technology', countryCode: 'US' }, { did: B.did }] });
    expect(reg.outcome).toBe('warning');
    expect(reg.details?.['bodies']).toEqual([
      expect.objectContaining({ did: A.did, name: 'University A', countryCode: 'DK' }),
      expect.objectContaining({ did: B.did, name: 'University B' }),
    ]);
    expect(reg.summary).toContain('the registry\'s name is shown');
  });
});
