import { deciderSpecification } from '@alliance/event-sourcing';
import { UNI_A, UNI_B } from '../__fixtures__/specs.fixture';
import { addProof, admin, drafted, issued, proofAdded, proofOf, status } from '../__fixtures__/credential.fixture';
import { credentialDecider } from './credential.decider';
import type { CredentialEvent } from './credential.events';

const spec = deciderSpecification(credentialDecider);
const lifecycle = [drafted, proofAdded(UNI_A), proofAdded(UNI_B), issued];
const refusedAs = (standing: string) => (e: unknown) => {
  const error = e as { code: string; status: number; message: string };
  return error.code === `issuance.member-${standing}` && error.status === 403 && error.message.includes(standing);
};

describe('credential: awarding bodies out of good standing', () => {
  it.each(['suspended', 'removed'] as const)(
    "takes no proof from a %s member, whoever brings it (its signer, its admin's endorsement)",
    (standing) => {
      spec
        .given([drafted, proofAdded(UNI_A)])
        .when(addProof(UNI_B, 'institution-signer', { valid: true }, standing))
        .thenThrows(refusedAs(standing));
      spec
        .given([drafted, proofAdded(UNI_A)])
        .when(addProof(UNI_B, 'endorsement', { valid: true }, standing))
        .thenThrows(refusedAs(standing));
    },
  );

  it("leaves a suspended member's proof out of the platform's batch, so the credential waits for it", () => {
    spec
      .given([drafted])
      .when({
        type: 'AddProofs',
        credentialId: 'c1',
        proofs: [
          { institutionId: UNI_A, standing: 'active', method: 'automatic', proof: proofOf(UNI_A), check: { valid: true } },
          { institutionId: UNI_B, standing: 'suspended', method: 'automatic', proof: proofOf(UNI_B), check: { valid: true } },
        ],
      })
      .then([proofAdded(UNI_A)]);
  });

  it.each(['suspended', 'removed'] as const)(
    "refuses a %s member's admin suspending, reinstating, revoking or reopening (403 naming its standing)",
    (standing) => {
      spec
        .given(lifecycle)
        .when({ type: 'SuspendCredential', credentialId: 'c1', reason: 'x', authority: admin(UNI_B, standing) })
        .thenThrows(refusedAs(standing));
      spec
        .given(lifecycle)
        .when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'x', authority: admin(UNI_B, standing), final: true })
        .thenThrows(refusedAs(standing));
      const suspended: CredentialEvent = {
        type: 'CredentialSuspended',
        data: { credentialId: 'c1', reason: 'x', institutionId: UNI_A, status },
      };
      spec
        .given([...lifecycle, suspended])
        .when({ type: 'ReinstateCredential', credentialId: 'c1', reason: 'x', authority: admin(UNI_B, standing) })
        .thenThrows(refusedAs(standing));
      const refused: CredentialEvent = {
        type: 'CredentialSignatureRefused',
        data: { credentialId: 'c1', institutionId: UNI_B, code: 'policy', reason: 'no', refusedAt: '2026-01-01T00:00:00.000Z' },
      };
      spec
        .given([drafted, refused])
        .when({
          type: 'ReopenSignatureRequest',
          credentialId: 'c1',
          institutionId: UNI_B,
          reason: 'again',
          by: { institutionId: UNI_B, standing },
        })
        .thenThrows(refusedAs(standing));
    },
  );

  it("lets another awarding body's admin act while one is suspended", () => {
    spec
      .given(lifecycle)
      .when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'fraud', authority: admin(UNI_A) })
      .thenState((s) => expect(s?.lifecycle).toBe('revoked'));
  });
});

describe('credential: revocation for good', () => {
  const lifecycle = [drafted, proofAdded(UNI_A), proofAdded(UNI_B), issued];

  it("records `final` on an awarding body admin's revocation, and only then", () => {
    spec
      .given(lifecycle)
      .when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'diploma fraud', authority: admin(UNI_B), final: true })
      .then([
        {
          type: 'CredentialRevoked',
          data: { credentialId: 'c1', reason: 'diploma fraud', institutionId: UNI_B, wasIssued: true, status, final: true },
        },
      ]);
    spec
      .given(lifecycle)
      .when({
        type: 'RevokeCredential',
        credentialId: 'c1',
        reason: 'award rescinded',
        authority: { kind: 'issuance-process' },
        final: true,
      })
      .then([{ type: 'CredentialRevoked', data: { credentialId: 'c1', reason: 'award rescinded', wasIssued: true, status } }]);
  });

  it('keeps a revocation without `final` as it was', () => {
    spec
      .given(lifecycle)
      .when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'error', authority: admin(UNI_B) })
      .thenState((s) => expect([s?.lifecycle, s?.revokedForGood]).toEqual(['revoked', undefined]));
  });
});
