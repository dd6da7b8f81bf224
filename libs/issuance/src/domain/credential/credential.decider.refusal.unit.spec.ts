import { deciderSpecification } from '@alliance/event-sourcing';
import { UNI_A, UNI_B } from '../__fixtures__/specs.fixture';
import { addProof, drafted, issued, proofAdded } from '../__fixtures__/credential.fixture';
import { credentialDecider } from './credential.decider';

const spec = deciderSpecification(credentialDecider);
const refuse = (institutionId: string, code = 'results.incomplete', reason = 'no result for component C2') => ({
  type: 'RefuseSignature' as const,
  credentialId: 'c1',
  institutionId,
  code,
  reason,
});
const refused = (institutionId: string, code = 'results.incomplete', reason = 'no result for component C2') => ({
  type: 'CredentialSignatureRefused' as const,
  data: { credentialId: 'c1', institutionId, code, reason, refusedAt: '2026-01-01T00:00:00.000Z' },
});

describe('credential: a signer declines', () => {
  it('records the refusal with its reason; the credential stays pending (held), not issued', () => {
    spec
      .given([drafted, proofAdded(UNI_A)])
      .when(refuse(UNI_B))
      .thenState((s) => {
        expect(s?.lifecycle).toBe('collecting-proofs');
        expect(s?.refusals).toEqual([
          expect.objectContaining({ institutionId: UNI_B, code: 'results.incomplete', reason: 'no result for component C2' }),
        ]);
      });
  });

  it('the same refusal delivered again changes nothing', () => {
    spec
      .given([drafted, refused(UNI_B)])
      .when(refuse(UNI_B))
      .thenNothingHappened();
  });

  it('refuses a refusal from an institution that is not an awarding body, that already signed, or after issue', () => {
    spec.given([drafted]).when(refuse('someone-else')).thenThrows('issuance.proof.not-awarding-body');
    spec
      .given([drafted, proofAdded(UNI_A)])
      .when(refuse(UNI_A))
      .thenThrows('issuance.proof.already-present');
    spec
      .given([drafted, proofAdded(UNI_A), proofAdded(UNI_B), issued])
      .when(refuse(UNI_B))
      .thenThrows('issuance.proof.already-present');
  });

  it('a refusal needs a code and a reason', () => {
    spec.given([drafted]).when(refuse(UNI_B, 'Not A Code')).thenThrows('issuance.refusal.code-format');
    spec
      .given([drafted])
      .when(refuse(UNI_B, 'x', ' '))
      .thenThrows('issuance.status.reason-required');
  });

  it('reopening clears the refusal; the institution may then sign and the credential is issued', () => {
    spec
      .given([drafted, proofAdded(UNI_A), refused(UNI_B)])
      .when({ type: 'ReopenSignatureRequest', credentialId: 'c1', institutionId: UNI_B, reason: 'results corrected' })
      .thenState((s) => expect(s?.refusals).toEqual([]));
    spec
      .given([
        drafted,
        proofAdded(UNI_A),
        refused(UNI_B),
        {
          type: 'CredentialSignatureRequestReopened',
          data: { credentialId: 'c1', institutionId: UNI_B, reason: 'results corrected', reopenedAt: '2026-01-02T00:00:00.000Z' },
        },
      ])
      .when(addProof(UNI_B, 'institution-signer'))
      .then([proofAdded(UNI_B, 'institution-signer'), issued]);
  });

  it('cannot reopen what was not refused', () => {
    spec
      .given([drafted])
      .when({ type: 'ReopenSignatureRequest', credentialId: 'c1', institutionId: UNI_B, reason: 'x' })
      .thenThrows('issuance.signature.not-refused');
  });
});
