import { didKeyVerificationMethodOf, generateEd25519KeyPair, type JsonObject, signCredential } from '@alliance/credentials';
import { allianceFixture, fakeWeb, registryOf, STATUS_URL, thirdMember } from '../../__fixtures__/alliance-credential.fixture';
import { CredentialVerifier } from '../credential-verifier';

const NOW = () => new Date('2026-03-01T00:00:00Z');

async function setup() {
  const f = await allianceFixture();
  const { C, key: keyC } = thirdMember();
  const verifier = new CredentialVerifier({
    registry: registryOf(f.A, f.B, C),
    statusLists: fakeWeb({ [STATUS_URL]: await f.statusList(0) }),
    clock: NOW,
  });
  const by = (did: string, secretKey: Uint8Array, created = '2026-01-10T10:00:03Z') => ({
    verificationMethod: `${did}#key-1`,
    privateKey: secretKey,
    cryptosuite: 'eddsa-jcs-2022' as const,
    created,
  });
  return { ...f, C, keyC, verifier, by };
}

const check = (report: Awaited<ReturnType<CredentialVerifier['verify']>>, id: string) => report.checks.find((c) => c.id === id)!;

describe('proof set hygiene', () => {
  it('a proof duplicated in the set is flagged DUPLICATE_PROOF, never passed over', async () => {
    const { credential, verifier } = await setup();
    const proofs = credential.proof as JsonObject[];
    const report = await verifier.verify({ ...credential, proof: [...proofs, proofs[1]] });
    expect(check(report, 'proofs')).toMatchObject({
      outcome: 'warning',
      problems: [{ code: 'DUPLICATE_PROOF', message: 'signatures 2, 3 are the same signature' }],
    });
    expect(
      report.warnings.some((w) => w.startsWith('proofs: All 3 signatures are intact, but signatures 2, 3 are the same signature')),
    ).toBe(true);
  });

  it('two proofs by the same key are flagged DUPLICATE_PROOF', async () => {
    const { unsigned, A, B, keyA, keyB, verifier, by } = await setup();
    const signed = await signCredential(unsigned, [
      by(A.did, keyA.secretKey, '2026-01-10T10:00:01Z'),
      by(B.did, keyB.secretKey),
      by(A.did, keyA.secretKey, '2026-01-10T10:00:09Z'),
    ]);
    const report = await verifier.verify(signed);
    expect(check(report, 'proofs')).toMatchObject({
      outcome: 'warning',
      problems: [{ code: 'DUPLICATE_PROOF', message: `signatures 1, 3 are all made with the key ${A.did}#key-1` }],
    });
  });

  it('an extra valid proof by a member that is not an awarding body is flagged UNEXPECTED_SIGNER', async () => {
    const { unsigned, A, B, C, keyA, keyB, keyC, verifier, by } = await setup();
    const signed = await signCredential(unsigned, [by(A.did, keyA.secretKey), by(B.did, keyB.secretKey), by(C.did, keyC.secretKey)]);
    const report = await verifier.verify(signed);
    expect(check(report, 'proofs').outcome).toBe('passed');
    expect(check(report, 'co-issuance')).toMatchObject({ outcome: 'warning', problems: [{ code: 'UNEXPECTED_SIGNER' }] });
    expect(check(report, 'co-issuance').problems[0].message).toContain(
      `Politecnico di Milano (${C.did}), an alliance member, also signed it`,
    );
    expect(report.warnings.join(' ')).toContain('Politecnico di Milano');
  });

  it('an extra valid proof by a stranger is flagged UNKNOWN_SIGNER', async () => {
    const { unsigned, A, B, keyA, keyB, verifier, by } = await setup();
    const stranger = generateEd25519KeyPair();
    const signed = await signCredential(unsigned, [
      by(A.did, keyA.secretKey),
      by(B.did, keyB.secretKey),
      {
        verificationMethod: didKeyVerificationMethodOf(stranger.publicKeyMultibase),
        privateKey: stranger.secretKey,
        cryptosuite: 'eddsa-jcs-2022',
      },
    ]);
    const report = await verifier.verify(signed);
    expect(check(report, 'co-issuance')).toMatchObject({ outcome: 'warning', problems: [{ code: 'UNKNOWN_SIGNER' }] });
    expect(check(report, 'co-issuance').problems[0].message).toContain(`did:key:${stranger.publicKeyMultibase}`);
  });
});
