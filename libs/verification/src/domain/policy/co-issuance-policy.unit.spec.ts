import { generateEd25519KeyPair, signKeyPossession } from '@alliance/credentials';
import type { KeyRevocation, RegisteredInstitution } from '../registry/registered-institution';
import { registryUpdates } from '../registry/registry-updates';
import { coIssuanceChecks, type CoIssuanceInput } from './co-issuance-policy';

const uni = (
  id: string,
  keys: RegisteredInstitution['keys'],
  history: RegisteredInstitution['statusHistory'] = [{ status: 'active', from: '2025-01-01T00:00:00.000Z' }],
): RegisteredInstitution => ({
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
const B = uni('b', [
  key('b', 'key-1', '2025-01-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z'),
  key('b', 'key-2', '2025-06-01T00:00:00.000Z'),
]);
const registry =
  (...known: RegisteredInstitution[]) =>
  (did: string) =>
    known.find((i) => i.did === did);
const proof = (inst: string, keyId: string, verified = true) => ({
  index: 0,
  verificationMethod: `did:web:${inst}.example#${keyId}`,
  controller: `did:web:${inst}.example`,
  verified,
});
const base: CoIssuanceInput = {
  bodies: [
    { did: A.did, name: 'University A' },
    { did: B.did, name: 'University B' },
  ],
  proofs: [proof('a', 'key-1'), proof('b', 'key-2')],
  validFrom: '2026-01-01T00:00:00.000Z',
  registry: registry(A, B),
};
/** A credential whose one awarding body is `issuer`, outside the registry, signed by the did:key `signer`. */
const outsideRegistry = (issuer: string, signer: string): CoIssuanceInput => ({
  bodies: [{ did: issuer }],
  proofs: [{ index: 0, controller: signer, verificationMethod: `${signer}#${signer.slice('did:key:'.length)}`, verified: true }],
  validFrom: base.validFrom,
  registry: registry(A, B),
});
const outcomes = (input: CoIssuanceInput) => coIssuanceChecks(input).map((c) => [c.id, c.outcome, c.problems.map((p) => p.code)]);

describe('co-issuance policy', () => {
  it('passes when every awarding body signed with a key registered and valid at validFrom', () => {
    expect(outcomes(base)).toEqual([
      ['co-issuance', 'passed', []],
      ['registry-keys', 'passed', []],
    ]);
  });

  it("fails when one awarding body's proof was removed from the set", () => {
    const [co] = coIssuanceChecks({ ...base, proofs: [proof('a', 'key-1')] });
    expect(co).toMatchObject({ outcome: 'failed', problems: [{ code: 'MISSING_REQUIRED_SIGNER' }] });
    expect(co.summary).toContain('University B did not sign');
  });

  it('does not count a proof that failed to verify', () => {
    expect(outcomes({ ...base, proofs: [proof('a', 'key-1'), proof('b', 'key-2', false)] })[0]).toEqual([
      'co-issuance',
      'failed',
      ['MISSING_REQUIRED_SIGNER'],
    ]);
  });

  it('fails a key used outside its registered validity', () => {
    const [, reg] = coIssuanceChecks({ ...base, proofs: [proof('a', 'key-1'), proof('b', 'key-1')] });
    expect(reg).toMatchObject({ outcome: 'failed', problems: [{ code: 'KEY_NOT_VALID_AT_VALID_FROM' }] });
    expect(reg.summary).toContain('not at validFrom 2026-01-01');
  });

  it('fails a key the registry never held for that institution', () => {
    expect(outcomes({ ...base, proofs: [proof('a', 'key-1'), proof('b', 'key-9')] })[1]).toEqual([
      'registry-keys',
      'failed',
      ['KEY_NOT_REGISTERED'],
    ]);
  });

  it('fails a signature by a member suspended at validFrom', () => {
    const suspended = uni('b', B.keys, [
      { status: 'active', from: '2025-01-01T00:00:00.000Z' },
      { status: 'suspended', from: '2025-12-01T00:00:00.000Z' },
    ]);
    expect(outcomes({ ...base, registry: registry(A, suspended) })[1]).toEqual(['registry-keys', 'failed', ['INSTITUTION_NOT_ACTIVE']]);
  });

  it('treats an issuer outside the registry as a warning, not a forgery', () => {
    expect(outcomes(outsideRegistry('did:key:z6Mkx', 'did:key:z6Mkx'))).toEqual([
      ['co-issuance', 'passed', []],
      ['registry-keys', 'not-applicable', ['ISSUER_NOT_IN_REGISTRY']],
    ]);
  });

  it('cannot link signatures to an issuer named only by a web address: a warning, not a failure', () => {
    expect(outcomes(outsideRegistry('https://vc.example/issuers/5678', 'did:key:z6Mkx'))).toEqual([
      ['co-issuance', 'warning', ['ISSUER_NOT_CONFIRMED']],
      ['registry-keys', 'not-applicable', ['ISSUER_NOT_IN_REGISTRY']],
    ]);
  });

  it('fails a DID issuer outside the registry that did not sign (it could have)', () => {
    expect(outcomes(outsideRegistry('did:key:z6MkIssuer', 'did:key:z6MkOther'))[0]).toEqual([
      'co-issuance',
      'failed',
      ['MISSING_REQUIRED_SIGNER', 'UNKNOWN_SIGNER'],
    ]);
  });

  it("shows the registry's record over what the credential claims, with a warning", () => {
    const [, reg] = coIssuanceChecks({
      ...base,
      bodies: [{ did: A.did, name: 'Famous Institute of Technology', countryCode: 'US' }, { did: B.did }],
    });
    expect(reg.outcome).toBe('warning');
    expect(reg.details?.['bodies']).toEqual([
      expect.objectContaining({ did: A.did, name: 'University A', countryCode: 'DK' }),
      expect.objectContaining({ did: B.did, name: 'University B' }),
    ]);
    expect(reg.summary).toContain("the registry's name is shown");
  });
});

describe('co-issuance policy over the registry facts of onboarding and key revocation', () => {
  const T = '2026-02-01T00:00:00.000Z';
  const before = '2026-01-31T23:59:59.999Z';
  const after = '2026-02-15T00:00:00.000Z';
  const at = (validFrom: string, registryOf: (did: string) => RegisteredInstitution | undefined, recordedIssuedAt?: string) =>
    coIssuanceChecks({ ...base, validFrom, registry: registryOf, ...(recordedIssuedAt ? { recordedIssuedAt } : {}) })[1];
  const revokedB = (revocation: Omit<KeyRevocation, 'keyId'>) => registryUpdates.keyRevoked(B, { keyId: 'key-2', ...revocation });

  describe('a key revoked as compromised since T', () => {
    const compromised = revokedB({ reason: 'laptop stolen', revokedAt: '2026-03-01T00:00:00.000Z', compromisedSince: T });

    it('keeps a credential that took effect before T valid when the issuance log recorded it before T', () => {
      expect(at(before, registry(A, compromised), before)).toMatchObject({ outcome: 'passed', problems: [] });
    });

    it('fails one dated before T that the issuance log never recorded, or recorded only from T on: the thief writes the date', () => {
      for (const recorded of [undefined, T, after]) {
        const reg = at(before, registry(A, compromised), recorded);
        expect(reg).toMatchObject({ outcome: 'failed', problems: [{ code: 'KEY_COMPROMISED_UNPROVEN' }] });
        expect(reg.problems[0].message).toContain(
          recorded ? `shows it issued at ${recorded}, not before` : 'has no record of issuing this credential',
        );
      }
    });

    it.each([T, after])(
      'fails a credential that took effect at or after T (%s) with KEY_COMPROMISED, naming institution, key and compromisedSince',
      (validFrom) => {
        const reg = at(validFrom, registry(A, compromised));
        expect(reg).toMatchObject({ outcome: 'failed', problems: [{ code: 'KEY_COMPROMISED' }] });
        expect(reg.problems[0].message).toContain('University B (institution b)');
        expect(reg.problems[0].message).toContain('key-2');
        expect(reg.problems[0].message).toContain(`compromised since ${T}`);
      },
    );

    it('says compromised even after the key was revoked, not merely out of its window', () => {
      expect(at('2026-04-01T00:00:00.000Z', registry(A, compromised)).problems.map((p) => p.code)).toEqual(['KEY_COMPROMISED']);
    });
  });

  describe('a key retired by a routine revocation at T', () => {
    const retired = revokedB({ reason: 'rotated to an HSM', revokedAt: T });

    it('keeps signatures made before the revocation valid', () => {
      expect(at(before, registry(A, retired)).outcome).toBe('passed');
    });

    it.each([T, after])('fails a credential that took effect at or after the revocation (%s)', (validFrom) => {
      const reg = at(validFrom, registry(A, retired));
      expect(reg).toMatchObject({ outcome: 'failed', problems: [{ code: 'KEY_NOT_VALID_AT_VALID_FROM' }] });
      expect(reg.problems[0].message).toContain(`revoked at ${T}: rotated to an HSM`);
    });
  });

  describe('a member registered pending', () => {
    const pending = registryUpdates.registered(undefined, {
      institutionId: 'b',
      name: 'University B',
      countryCode: 'DE',
      did: B.did,
      registeredAt: '2025-01-01T00:00:00.000Z',
      status: 'pending',
    });
    const withKeys = { ...pending, keys: B.keys };

    it('is never green while pending, whatever keys it has', () => {
      const reg = at(after, registry(A, withKeys));
      expect(reg).toMatchObject({ outcome: 'failed', problems: [{ code: 'INSTITUTION_NOT_ACTIVE' }] });
      expect(reg.problems[0].message).toContain('pending');
    });

    it('counts from its activation on, and not before', () => {
      const activated = registryUpdates.standing(withKeys, 'active', T);
      expect(at(after, registry(A, activated)).outcome).toBe('passed');
      expect(at(before, registry(A, activated)).problems.map((p) => p.code)).toEqual(['INSTITUTION_NOT_ACTIVE']);
    });
  });

  describe('a key whose proof of possession does not verify', () => {
    const pair = generateEd25519KeyPair();
    const other = generateEd25519KeyPair();
    const challenge = {
      type: 'alliance-key-possession' as const,
      institutionId: 'b',
      keyId: 'key-3',
      nonce: 'n-1',
      expiresAt: '2025-06-01T00:05:00.000Z',
    };
    const announced = (possession?: { challenge: typeof challenge; signature: string }) => ({
      keyId: 'key-3',
      verificationMethodId: `${B.did}#key-3`,
      publicKeyMultibase: pair.publicKeyMultibase,
      validFrom: '2025-06-01T00:00:00.000Z',
      custody: 'institution' as const,
      ...(possession ? { possession } : {}),
    });
    /** A key announced with a proof of possession answering `challenge`, signed with `secretKey`. */
    const possessing = (answered: typeof challenge, secretKey: Parameters<typeof signKeyPossession>[1]) =>
      announced({ challenge: answered, signature: signKeyPossession(answered, secretKey).signature });
    const bind = (member: RegisteredInstitution, key: ReturnType<typeof announced>) => registryUpdates.keyAnnounced(member, key).record;
    const signedWithKey3 = { ...base, proofs: [proof('a', 'key-1'), proof('b', 'key-3')] };

    it('binds a key whose proof verifies, and a legacy key without one', () => {
      const proven = bind(B, possessing(challenge, pair.secretKey));
      expect(proven.keys.map((k) => k.keyId)).toContain('key-3');
      expect(coIssuanceChecks({ ...signedWithKey3, registry: registry(A, proven) })[1].outcome).toBe('passed');
      expect(bind(B, announced()).keys.map((k) => k.keyId)).toContain('key-3');
    });

    it.each([
      ['signed by another key', () => possessing(challenge, other.secretKey), 'does not verify'],
      [
        'answering a challenge for another institution',
        () => possessing({ ...challenge, institutionId: 'a' }, pair.secretKey),
        'institution a',
      ],
      ['answering a challenge for another key', () => possessing({ ...challenge, keyId: 'key-9' }, pair.secretKey), 'key key-9'],
    ])('does not bind a key whose proof is %s, and fails a signature by it with KEY_NOT_BOUND', (_case, key, why) => {
      const refused = bind(B, key());
      expect(refused.keys.map((k) => k.keyId)).not.toContain('key-3');
      expect(refused.unboundKeys).toEqual([expect.objectContaining({ keyId: 'key-3', reason: expect.stringContaining(why) })]);
      // The resolver only hands out bound keys, so the proof cannot verify; the registry check still says why.
      const unverified = { ...base, proofs: [proof('a', 'key-1'), proof('b', 'key-3', false)], registry: registry(A, refused) };
      expect(outcomes(unverified)).toEqual([
        ['co-issuance', 'failed', ['MISSING_REQUIRED_SIGNER']],
        ['registry-keys', 'failed', ['KEY_NOT_BOUND']],
      ]);
      expect(coIssuanceChecks(unverified)[1].problems[0].message).toContain('is not bound to University B (institution b)');
    });
  });
});
