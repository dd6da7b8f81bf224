import { createVerificationMethodResolver, buildDidWebDocument, verifyCredential, type JsonObject } from '@alliance/credentials';
import { jointGrades, UNI_A, UNI_B } from '../../../domain/__fixtures__/specs.fixture';
import type { AwardGranted } from '../../../domain/award/award.events';
import { securedDocument } from '../../../domain/credential/credential.state';
import { delegateAutomaticSigning } from '../../__fixtures__/delegation.fixture';
import { issuanceHarness, SYSTEM } from '../../__fixtures__/issuance-harness.fixture';
import { SetSigningPolicyCommand, SetSigningPolicyHandler } from '../set-signing-policy';
import { IssueCredentialCommand } from './issue-credential.command';
import { ISSUANCE_AGGREGATES } from '../../issuance-aggregates';

const award = (credentialId: string, extra: Partial<AwardGranted['data']> = {}): AwardGranted['data'] => ({
  awardId: 'enr-1',
  credentialId,
  learner: { learnerId: 'learner-1', name: 'Ada Lovelace' },
  specId: 'spec-joint',
  specVersion: 1,
  awardedAt: '2026-03-01T10:00:00.000Z',
  grades: jointGrades(8, 7),
  ...extra,
});
const C1 = '0190f5a0-0000-7000-8000-0000000000c1';
const C2 = '0190f5a0-0000-7000-8000-0000000000c2';

async function verify(h: Awaited<ReturnType<typeof issuanceHarness>>, doc: JsonObject) {
  const dids = await h.knowledge.institutions([UNI_A, UNI_B]);
  const resolver = createVerificationMethodResolver({
    resolveDidWeb: (did) => {
      const inst = [...dids.values()].find((i) => i.did === did);
      return (
        inst &&
        buildDidWebDocument(
          did,
          inst.keys.map((k) => ({ id: k.verificationMethodId, publicKeyMultibase: k.publicKeyMultibase })),
        )
      );
    },
  });
  return verifyCredential(doc, {
    resolveVerificationMethod: resolver,
    requiredSigners: ['did:web:a.example', 'did:web:b.example'],
    documentLoader: h.contexts,
  });
}

describe.each(['eddsa-jcs-2022', 'eddsa-rdfc-2022'] as const)('issuing a granted award (%s)', (suite) => {
  it('drafts, signs for every automatic awarding body and issues a credential that verifies', async () => {
    const h = await issuanceHarness(suite);
    await h.onboard(UNI_A);
    await h.onboard(UNI_B);
    const out = await h.issue.execute(IssueCredentialCommand.create({ award: award(C1), ...SYSTEM }));
    expect(out).toMatchObject({ added: [UNI_A, UNI_B], unsignable: [], lifecycle: 'issued' });
    const credential = (await h.aggregates.credential.load(C1)).state!;
    expect(credential.hash).toMatch(/^[0-9a-f]{64}$/);
    const result = await verify(h, securedDocument(credential));
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.signers.sort()).toEqual(['did:web:a.example', 'did:web:b.example']);
  });
});

describe('issuing with signing policies', () => {
  it('waits for a manual institution, and for an institution without a registered key', async () => {
    const h = await issuanceHarness();
    await h.onboard(UNI_A);
    await new SetSigningPolicyHandler(h.aggregates, h.knowledge).execute(
      SetSigningPolicyCommand.create({
        institutionId: UNI_B,
        policy: 'manual',
        actor: { subject: 'b', role: 'institution-admin', institution: UNI_B },
        correlationId: 'c',
      }),
    );
    expect(await h.issue.execute(IssueCredentialCommand.create({ award: award(C1), ...SYSTEM }))).toMatchObject({
      added: [UNI_A],
      lifecycle: 'collecting-proofs',
    });

    // UNI_B delegated automatic signing but the platform holds no key for it yet: postponed, and said why.
    const h2 = await issuanceHarness();
    await h2.onboard(UNI_A);
    await delegateAutomaticSigning(h2.aggregates, UNI_B);
    expect(await h2.issue.execute(IssueCredentialCommand.create({ award: award(C1), ...SYSTEM }))).toMatchObject({
      added: [UNI_A],
      unsignable: [{ institutionId: UNI_B, reason: 'no-platform-key' }],
      lifecycle: 'collecting-proofs',
    });
  });

  it("never signs for an institution that did not delegate: it waits for that institution's own signer", async () => {
    const h = await issuanceHarness();
    await h.onboard(UNI_A);
    await h.onboard(UNI_B, 'key-1', undefined, undefined, false);
    expect(await h.issue.execute(IssueCredentialCommand.create({ award: award(C1), ...SYSTEM }))).toMatchObject({
      added: [UNI_A],
      unsignable: [],
      lifecycle: 'collecting-proofs',
    });
    const credential = (await h.aggregates.credential.load(C1)).state!;
    expect(credential.awardingBodies.find((b) => b.institutionId === UNI_B)?.signing).toBe('institution-signer');
    expect(credential.proofs.map((p) => p.institutionId)).toEqual([UNI_A]);
  });

  it('is safe to run twice: one credential, one status slot', async () => {
    const h = await issuanceHarness();
    await h.onboard(UNI_A);
    await h.onboard(UNI_B);
    await h.issue.execute(IssueCredentialCommand.create({ award: award(C1), ...SYSTEM }));
    await h.issue.execute(IssueCredentialCommand.create({ award: award(C1), ...SYSTEM }));
    const events = await h.store.readStream(ISSUANCE_AGGREGATES.stream.credential(C1));
    expect(events.map((e) => e.type)).toEqual(['CredentialDrafted', 'CredentialProofAdded', 'CredentialProofAdded', 'CredentialIssued']);
  });

  it('re-issues: the new credential names the old one, keeps the award date, and the old one is revoked with the reason', async () => {
    const h = await issuanceHarness();
    await h.onboard(UNI_A);
    await h.onboard(UNI_B);
    await h.issue.execute(IssueCredentialCommand.create({ award: award(C1), ...SYSTEM }));
    await h.issue.execute(
      IssueCredentialCommand.create({ award: award(C2, { supersedes: C1, reason: 'grade amended after review' }), ...SYSTEM }),
    );
    const old = (await h.aggregates.credential.load(C1)).state!;
    const renewed = (await h.aggregates.credential.load(C2)).state!;
    expect(old).toMatchObject({
      lifecycle: 'revoked',
      supersededBy: C2,
      statusReason: `superseded by urn:uuid:${C2}: grade amended after review`,
    });
    expect(renewed).toMatchObject({ lifecycle: 'issued', supersedes: C1 });
    expect(renewed.document).toMatchObject({ awardedDate: '2026-03-01T10:00:00Z', relatedResource: [{ id: `urn:uuid:${C1}` }] });
    expect(renewed.status).not.toEqual(old.status);
  });
});
