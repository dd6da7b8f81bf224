import { didKeyVerificationMethodOf, generateEd25519KeyPair } from '@alliance/credentials';
import { allianceFixture, fakeWeb, registryOf, STATUS_URL } from '../../__fixtures__/alliance-credential.fixture';
import type { RegisteredInstitution } from '../../../domain/registry/registered-institution';
import { CredentialVerifier } from '../credential-verifier';

const NOW = () => new Date('2026-03-01T00:00:00Z');

async function verifyWithList(
  list: (f: Awaited<ReturnType<typeof allianceFixture>>) => Promise<unknown>,
  registry?: (f: Awaited<ReturnType<typeof allianceFixture>>) => RegisteredInstitution[],
) {
  const f = await allianceFixture();
  const verifier = new CredentialVerifier({
    registry: registryOf(...(registry ? registry(f) : [f.A, f.B])),
    statusLists: fakeWeb({ [STATUS_URL]: await list(f) }),
    clock: NOW,
  });
  const report = await verifier.verify(f.credential);
  return { f, report, status: report.checks.find((c) => c.id === 'status')! };
}

describe("a status list counts only when the credential's issuer signed it", () => {
  it("signed by the issuer's registry key, valid at the list's validFrom: status checked and good, valid", async () => {
    const { report, status } = await verifyWithList((f) => f.statusList(0));
    expect(status).toMatchObject({ outcome: 'passed', problems: [] });
    expect(report.verdict).toBe('valid');
  });

  it('naming the issuer but signed by another member: could not be checked, STATUS_LIST_WRONG_SIGNER', async () => {
    const { report, status, f } = await verifyWithList((f) =>
      f.statusList(2, { signer: { verificationMethod: `${f.B.did}#key-1`, secretKey: f.keyB.secretKey } }),
    );
    expect(status).toMatchObject({ outcome: 'could-not-check', problems: [{ code: 'STATUS_LIST_WRONG_SIGNER' }] });
    expect(status.problems[0].message).toContain(
      `signed by ${f.B.did}, not with a key of the credential's issuer Aalborg Technical University (${f.A.did})`,
    );
    expect(report.verdict).toBe('indeterminate');
    expect(report.uncheckable[0]).toMatch(/^status: Whether it was revoked or suspended could not be checked/);
  });

  it("issued and signed by another member: could not be checked (the list must be the issuer's own)", async () => {
    const { report, status } = await verifyWithList((f) =>
      f.statusList(0, { issuer: f.B.did, signer: { verificationMethod: `${f.B.did}#key-1`, secretKey: f.keyB.secretKey } }),
    );
    expect(status).toMatchObject({ outcome: 'could-not-check', problems: [{ code: 'STATUS_VERIFICATION_ERROR' }] });
    expect(report.verdict).toBe('indeterminate');
  });

  it('naming the issuer but signed by a throw-away did:key: could not be checked, STATUS_LIST_WRONG_SIGNER', async () => {
    const intruder = generateEd25519KeyPair();
    const { report, status } = await verifyWithList((f) =>
      f.statusList(0, {
        signer: { verificationMethod: didKeyVerificationMethodOf(intruder.publicKeyMultibase), secretKey: intruder.secretKey },
      }),
    );
    expect(status).toMatchObject({ outcome: 'could-not-check', problems: [{ code: 'STATUS_LIST_WRONG_SIGNER' }] });
    expect(status.problems[0].message).toContain(`did:key:${intruder.publicKeyMultibase}`);
    expect(report.verdict).toBe('indeterminate');
  });

  it("signed with the issuer's key after that key was compromised: could not be checked, STATUS_LIST_WRONG_SIGNER", async () => {
    const { status } = await verifyWithList(
      (f) => f.statusList(0, { validFrom: '2026-02-15T00:00:00Z' }),
      (f) => [
        {
          ...f.A,
          keys: [
            {
              ...f.A.keys[0],
              compromisedSince: '2026-02-01T00:00:00.000Z',
              revokedAt: '2026-02-20T00:00:00.000Z',
              validUntil: '2026-02-20T00:00:00.000Z',
            },
          ],
        },
        f.B,
      ],
    );
    expect(status).toMatchObject({ outcome: 'could-not-check', problems: [{ code: 'STATUS_LIST_WRONG_SIGNER' }] });
    expect(status.problems[0].message).toContain(
      "not valid at the list's validFrom 2026-02-15T00:00:00Z (compromised since 2026-02-01T00:00:00.000Z)",
    );
  });

  it("signed with the issuer's key before it was registered: could not be checked, STATUS_LIST_WRONG_SIGNER", async () => {
    const { status } = await verifyWithList((f) => f.statusList(0, { validFrom: '2024-06-01T00:00:00Z' }));
    expect(status).toMatchObject({ outcome: 'could-not-check', problems: [{ code: 'STATUS_LIST_WRONG_SIGNER' }] });
  });
});
