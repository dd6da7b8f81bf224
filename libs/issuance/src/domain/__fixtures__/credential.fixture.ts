/** A two-university credential through its lifecycle, for the credential decider specs. */
import { UNI_A, UNI_B } from './specs.fixture';
import type { CredentialCommand } from '../credential/credential.commands';
import type { AwardingBodySigner, CredentialEvent, ProofMethod, SigningPolicy } from '../credential/credential.events';
import type { MemberStanding } from '../knowledge/member-standing';
import { credentialHash } from '../credential/credential-hash';

export const NOW = '2026-01-01T00:00:00.000Z';
export const status = { listId: 'list-1', index: 4242 };
const entry = (statusPurpose: string) => ({
  type: 'BitstringStatusListEntry',
  statusPurpose,
  statusListIndex: '4242',
  statusListCredential: `https://issuance.test/status-lists/list-1-${statusPurpose}`,
});
/** A suspendable credential: it carries a revocation and a suspension entry. */
export const document = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: 'urn:uuid:c1',
  type: ['VerifiableCredential'],
  credentialStatus: [entry('revocation'), entry('suspension')],
};
/** The default kind: a revocation entry alone (the single object Open Badges 3.0.3 allows). */
export const revocableOnly = { ...document, credentialStatus: entry('revocation') };
/** Whom and what the two-university credential is for: learner-1's enrolment enr-1 in the joint spec. */
export const jointAward = { awardId: 'enr-1', specId: 'spec-joint', specVersion: 1, learnerId: 'learner-1' };
/** Its awarding bodies: UNI_A leads and signs automatically, UNI_B signs under the given policy. */
export const jointSigners = (uniBSigning: SigningPolicy): AwardingBodySigner[] => [
  { institutionId: UNI_A, lead: true, signing: 'automatic' },
  { institutionId: UNI_B, lead: false, signing: uniBSigning },
];
export const draft: Extract<CredentialCommand, { type: 'DraftCredential' }> = {
  type: 'DraftCredential',
  credentialId: 'c1',
  ...jointAward,
  awardingBodies: jointSigners('manual'),
  document,
  cryptosuite: 'eddsa-jcs-2022',
  status,
  awardedAt: NOW,
};
const { type: _t, ...draftData } = draft;
export { draftData };
export const drafted: CredentialEvent = { type: 'CredentialDrafted', data: draftData };
export const proofOf = (inst: string) => ({
  type: 'DataIntegrityProof',
  cryptosuite: 'eddsa-jcs-2022',
  verificationMethod: `did:web:${inst}#key-1`,
  proofValue: `z${inst}`,
});
export const proofAdded = (inst: string, method: ProofMethod = 'automatic'): CredentialEvent => ({
  type: 'CredentialProofAdded',
  data: { credentialId: 'c1', institutionId: inst, verificationMethod: `did:web:${inst}#key-1`, method, proof: proofOf(inst) },
});
export const addProof = (
  inst: string,
  method: ProofMethod = 'automatic',
  check: { valid: true } | { valid: false; reason: string } = { valid: true },
  standing: MemberStanding = 'active',
): CredentialCommand => ({
  type: 'AddProof',
  credentialId: 'c1',
  institutionId: inst,
  standing,
  method,
  proof: proofOf(inst),
  check,
});
export const issued: CredentialEvent = {
  type: 'CredentialIssued',
  data: {
    credentialId: 'c1',
    hash: credentialHash({ ...document, proof: [proofOf(UNI_A), proofOf(UNI_B)] }),
    ...jointAward,
    awardingBodies: [UNI_A, UNI_B],
    awardedAt: NOW,
    issuedAt: NOW,
    status,
  },
};
export const admin = (institutionId: string, standing: MemberStanding = 'active') => ({
  kind: 'awarding-body-admin' as const,
  institutionId,
  standing,
});
