import { deciderSpecification } from '@alliance/event-sourcing';
import { UNI_A, UNI_B } from '../__fixtures__/specs.fixture';
import { addProof, draft, drafted, issued, proofAdded, proofOf } from '../__fixtures__/credential.fixture';
import type { CredentialCommand } from './credential.commands';
import { credentialDecider } from './credential.decider';

const spec = deciderSpecification(credentialDecider);

describe('credential: drafting and proof collection', () => {
  it('drafts once; a repeated draft changes nothing', () => {
    spec.given([]).when(draft).then([drafted]);
    spec.given([drafted]).when(draft).thenNothingHappened();
  });

  it('refuses a draft without exactly one lead', () => {
    spec
      .given([])
      .when({ ...draft, awardingBodies: draft.awardingBodies.map((b) => ({ ...b, lead: false })) })
      .thenThrows('issuance.credential.one-lead');
  });

  it('adds the first proof and waits for the others', () => {
    spec
      .given([drafted])
      .when(addProof(UNI_A))
      .then([proofAdded(UNI_A)]);
  });

  it('issues when the last awarding body signs, with the hash of the proof set', () => {
    spec
      .given([drafted, proofAdded(UNI_A)])
      .when(addProof(UNI_B, 'endorsement'))
      .then([proofAdded(UNI_B, 'endorsement'), issued]);
  });

  it('takes several proofs in one decision, issuing after the last', () => {
    spec
      .given([drafted])
      .when({
        type: 'AddProofs',
        credentialId: 'c1',
        proofs: [UNI_A, UNI_B].map((inst) => ({
          institutionId: inst,
          standing: 'active' as const,
          method: 'automatic' as const,
          proof: proofOf(inst),
          check: { valid: true as const },
        })),
      })
      .then([proofAdded(UNI_A), proofAdded(UNI_B), issued]);
  });

  it('collects proofs in any order', () => {
    spec
      .given([drafted, proofAdded(UNI_B, 'detached-proof')])
      .when(addProof(UNI_A))
      .thenState((s) => expect(s?.lifecycle).toBe('issued'));
  });

  it('refuses a proof from an institution that is not an awarding body', () => {
    spec.given([drafted]).when(addProof('someone-else')).thenThrows('issuance.proof.not-awarding-body');
  });

  it('refuses a proof that does not verify, with the reason', () => {
    spec
      .given([drafted])
      .when(addProof(UNI_B, 'detached-proof', { valid: false, reason: 'signature mismatch' }))
      .thenThrows(/signature mismatch/);
  });

  it('refuses a second, different proof from the same institution, and ignores the same one again', () => {
    spec
      .given([drafted, proofAdded(UNI_A)])
      .when({ ...addProof(UNI_A), proof: { ...proofOf(UNI_A), proofValue: 'zother' } } as CredentialCommand)
      .thenThrows('issuance.proof.already-present');
    spec
      .given([drafted, proofAdded(UNI_A)])
      .when(addProof(UNI_A))
      .thenNothingHappened();
  });

  it('takes no proof for an unknown credential (404)', () => {
    spec
      .given([])
      .when(addProof(UNI_A))
      .thenThrows((e) => (e as { status?: number }).status === 404);
  });
});
