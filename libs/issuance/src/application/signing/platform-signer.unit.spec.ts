import { randomUUID } from 'node:crypto';
import { UNI_A, UNI_B } from '../../domain/__fixtures__/specs.fixture';
import type { Credential } from '../../domain/credential/credential.state';
import { delegateAutomaticSigning } from '../__fixtures__/delegation.fixture';
import { issuanceHarness, SYSTEM } from '../__fixtures__/issuance-harness.fixture';
import { checkDetachedProof } from './detached-proof-check';

// Real keys throughout: generated into the harness's key vault, registered as the catalogue would.
const draftOf = (h: Awaited<ReturnType<typeof issuanceHarness>>, validFrom = '2026-03-01T10:00:00Z'): Credential =>
  ({
    credentialId: randomUUID(),
    cryptosuite: h.settings.cryptosuite,
    awardedAt: validFrom,
    document: {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: 'did:web:a.example',
      validFrom,
      credentialSubject: { id: 'did:example:learner' },
    },
  }) as unknown as Credential;

describe('platform signer (keys the platform holds for institutions)', () => {
  it("signs with each institution's registered key, one proof per institution, each verifying on its own", async () => {
    const h = await issuanceHarness();
    await h.onboard(UNI_A);
    await h.onboard(UNI_B);
    const credential = draftOf(h);
    const { proofs, unsignable } = await h.signer.sign(credential, [UNI_A, UNI_B]);
    expect(unsignable).toEqual([]);
    expect(proofs.map((p) => [p.institutionId, p.standing, p.proof.verificationMethod])).toEqual([
      [UNI_A, 'active', 'did:web:a.example#key-1'],
      [UNI_B, 'active', 'did:web:b.example#key-1'],
    ]);
    for (const p of proofs) {
      const institution = (await h.knowledge.institution(p.institutionId))!;
      await expect(checkDetachedProof(credential.document as never, p.proof as never, institution, h.contexts)).resolves.toEqual({
        valid: true,
      });
    }
  });

  it("says why it cannot sign: no key held, a member no longer active, no key valid at the credential's validFrom", async () => {
    const h = await issuanceHarness();
    await h.onboard(UNI_A, 'key-1', '2026-06-01T00:00:00.000Z');
    await delegateAutomaticSigning(h.aggregates, UNI_B);
    expect((await h.signer.sign(draftOf(h), [UNI_A, UNI_B])).unsignable).toEqual([
      { institutionId: UNI_A, reason: 'no-key-valid-at-instant' },
      { institutionId: UNI_B, reason: 'no-platform-key' },
    ]);

    await h.onboard(UNI_B);
    await h.aggregates.knownInstitution.handle(
      UNI_B,
      { type: 'LearnMembershipStatus', institutionId: UNI_B, status: 'suspended', from: '2026-04-01T00:00:00.000Z' },
      SYSTEM,
    );
    expect(await h.signer.sign(draftOf(h), [UNI_B])).toEqual({
      proofs: [],
      unsignable: [{ institutionId: UNI_B, reason: 'institution-not-active' }],
    });
  });

  it('signs automatically only for institutions whose admin delegated it', async () => {
    const h = await issuanceHarness();
    await h.onboard(UNI_A);
    await h.onboard(UNI_B, 'key-1', undefined, undefined, false);
    expect(await h.signer.automaticSigners([UNI_A, UNI_B])).toEqual([UNI_A]);
  });
});
