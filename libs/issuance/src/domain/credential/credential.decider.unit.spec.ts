import { deciderSpecification } from '@alliance/event-sourcing';
import { UNI_A, UNI_B } from '../__fixtures__/specs.fixture';
import type { CredentialCommand } from './credential.commands';
import { credentialDecider } from './credential.decider';
import type { CredentialEvent } from './credential.events';
import { credentialHash } from './credential-hash';

const spec = deciderSpecification(credentialDecider);
const NOW = '2026-01-01T00:00:00.000Z';
const status = { listId: 'list-1', index: 4242 };
const document = { '@context': ['https://www.w3.org/ns/credentials/v2'], id: 'urn:uuid:c1', type: ['VerifiableCredential'] };
const draft: Extract<CredentialCommand, { type: 'DraftCredential' }> = {
  type: 'DraftCredential',
  credentialId: 'c1',
  awardId: 'enr-1',
  specId: 'spec-joint',
  specVersion: 1,
  learnerId: 'learner-1',
  awardingBodies: [
    { institutionId: UNI_A, lead: true, signing: 'automatic' },
    { institutionId: UNI_B, lead: false, signing: 'manual' },
  ],
  document,
  cryptosuite: 'eddsa-jcs-2022',
  status,
  awardedAt: NOW,
};
const { type: _t, ...draftData } = draft;
const drafted: CredentialEvent = { type: 'CredentialDrafted', data: draftData };
const proofOf = (inst: string) => ({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', verificationMethod: `did:web:${inst}#key-1`, proofValue: `z${inst}` });
const proofAdded = (inst: string, method: 'automatic' | 'endorsement' | 'detached-proof' = 'automatic'): CredentialEvent => ({
  type: 'CredentialProofAdded',
  data: { credentialId: 'c1', institutionId: inst, verificationMethod: `did:web:${inst}#key-1`, method, proof: proofOf(inst) },
});
const addProof = (inst: string, method: 'automatic' | 'endorsement' | 'detached-proof' = 'automatic', check: { valid: true } | { valid: false; reason: string } = { valid: true }): CredentialCommand => ({
  type: 'AddProof',
  credentialId: 'c1',
  institutionId: inst,
  method,
  proof: proofOf(inst),
  check,
});
const issued: CredentialEvent = {
  type: 'CredentialIssued',
  data: {
    credentialId: 'c1',
    hash: credentialHash({ ...document, proof: [proofOf(UNI_A), proofOf(UNI_B)] }),
    awardId: 'enr-1',
    specId: 'spec-joint',
    specVersion: 1,
    learnerId: 'learner-1',
    awardingBodies: [UNI_A, UNI_B],
    awardedAt: NOW,
    issuedAt: NOW,
    status,
  },
};
const admin = (institutionId: string) => ({ kind: 'awarding-body-admin' as const, institutionId });

describe('credential: drafting and proof collection', () => {
  it('drafts once; a repeated draft changes nothing', () => {
    spec.given([]).when(draft).then([drafted]);
    spec.given([drafted]).when(draft).thenNothingHappened();
  });

  it('refuses a draft without exactly one lead', () => {
    spec.given([]).when({ ...draft, awardingBodies: draft.awardingBodies.map((b) => ({ ...b, lead: false })) }).thenThrows('issuance.credential.one-lead');
  });

  it('adds the first proof and waits for the others', () => {
    spec.given([drafted]).when(addProof(UNI_A)).then([proofAdded(UNI_A)]);
  });

  it('issues when the last awarding body signs, with the hash of the proof set', () => {
    spec.given([drafted, proofAdded(UNI_A)]).when(addProof(UNI_B, 'endorsement')).then([proofAdded(UNI_B, 'endorsement'), issued]);
  });

  it('takes several proofs in one decision, issuing after the last', () => {
    spec
      .given([drafted])
      .when({ type: 'AddProofs', credentialId: 'c1', proofs: [UNI_A, UNI_B].map((inst) => ({ institutionId: inst, method: 'automatic' as const, proof: proofOf(inst), check: { valid: true as const } })) })
      .then([proofAdded(UNI_A), proofAdded(UNI_B), issued]);
  });

  it('collects proofs in any order', () => {
    spec.given([drafted, proofAdded(UNI_B, 'detached-proof')]).when(addProof(UNI_A)).thenState((s) => expect(s?.lifecycle).toBe('issued'));
  });

  it('refuses a proof from an institution that is not an awarding body', () => {
    spec.given([drafted]).when(addProof('someone-else')).thenThrows('issuance.proof.not-awarding-body');
  });

  it('refuses a proof that does not verify, with the reason', () => {
    spec.given([drafted]).when(addProof(UNI_B, 'detached-proof', { valid: false, reason: 'signature mismatch' })).thenThrows(/signature mismatch/);
  });

  it('refuses a second, different proof from the same institution, and ignores the same one again', () => {
    spec.given([drafted, proofAdded(UNI_A)]).when({ ...addProof(UNI_A), proof: { ...proofOf(UNI_A), proofValue: 'zother' } } as CredentialCommand).thenThrows('issuance.proof.already-present');
    spec.given([drafted, proofAdded(UNI_A)]).when(addProof(UNI_A)).thenNothingHappened();
  });

  it('takes no proof for an unknown credential (404)', () => {
    spec.given([]).when(addProof(UNI_A)).thenThrows((e) => (e as { status?: number }).status === 404);
  });
});

describe('credential: suspension, reinstatement and revocation', () => {
  const suspended: CredentialEvent = { type: 'CredentialSuspended', data: { credentialId: 'c1', reason: 'under investigation', institutionId: UNI_B, status } };
  const lifecycle = [drafted, proofAdded(UNI_A), proofAdded(UNI_B), issued];

  it('an awarding body admin suspends an issued credential with a reason', () => {
    spec.given(lifecycle).when({ type: 'SuspendCredential', credentialId: 'c1', reason: 'under investigation', authority: admin(UNI_B) }).then([suspended]);
  });

  it('requires a reason', () => {
    spec.given(lifecycle).when({ type: 'SuspendCredential', credentialId: 'c1', reason: '  ', authority: admin(UNI_B) }).thenThrows('issuance.status.reason-required');
  });

  it('refuses an admin of an institution that did not award it (403)', () => {
    spec.given(lifecycle).when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'x', authority: admin('other') }).thenThrows('issuance.status.not-awarding-body');
  });

  it('cannot suspend twice, nor suspend a credential still collecting proofs', () => {
    spec.given([...lifecycle, suspended]).when({ type: 'SuspendCredential', credentialId: 'c1', reason: 'x', authority: admin(UNI_A) }).thenThrows('issuance.credential.already-suspended');
    spec.given([drafted]).when({ type: 'SuspendCredential', credentialId: 'c1', reason: 'x', authority: admin(UNI_A) }).thenThrows('issuance.credential.cannot-suspend');
  });

  it('reinstates only a suspended credential', () => {
    spec
      .given([...lifecycle, suspended])
      .when({ type: 'ReinstateCredential', credentialId: 'c1', reason: 'cleared', authority: admin(UNI_A) })
      .then([{ type: 'CredentialReinstated', data: { credentialId: 'c1', reason: 'cleared', institutionId: UNI_A, status } }]);
    spec.given(lifecycle).when({ type: 'ReinstateCredential', credentialId: 'c1', reason: 'cleared', authority: admin(UNI_A) }).thenThrows('issuance.credential.cannot-reinstate');
  });

  it('revokes for good: a suspended credential too, and never twice by an admin', () => {
    const revoked: CredentialEvent = { type: 'CredentialRevoked', data: { credentialId: 'c1', reason: 'fraud', institutionId: UNI_A, wasIssued: true, status } };
    spec.given([...lifecycle, suspended]).when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'fraud', authority: admin(UNI_A) }).then([revoked]);
    spec.given([...lifecycle, revoked]).when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'again', authority: admin(UNI_A) }).thenThrows('issuance.credential.already-revoked');
    spec.given([...lifecycle, revoked]).when({ type: 'ReinstateCredential', credentialId: 'c1', reason: 'oops', authority: admin(UNI_A) }).thenThrows('issuance.credential.cannot-reinstate');
  });

  it('lets issuance revoke a superseded credential, idempotently', () => {
    const revoke: CredentialCommand = { type: 'RevokeCredential', credentialId: 'c1', reason: 'superseded: grade amended', authority: { kind: 'issuance-process' }, supersededBy: 'c2' };
    const revoked: CredentialEvent = { type: 'CredentialRevoked', data: { credentialId: 'c1', reason: 'superseded: grade amended', supersededBy: 'c2', wasIssued: true, status } };
    spec.given(lifecycle).when(revoke).then([revoked]);
    spec.given([...lifecycle, revoked]).when(revoke).thenNothingHappened();
  });

  it('abandons a draft still waiting for proofs', () => {
    spec
      .given([drafted, proofAdded(UNI_A)])
      .when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'award rescinded', authority: { kind: 'issuance-process' } })
      .then([{ type: 'CredentialRevoked', data: { credentialId: 'c1', reason: 'award rescinded', wasIssued: false, status } }]);
  });
});
