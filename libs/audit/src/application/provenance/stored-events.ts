/**
 * The parts of other services' stored events that provenance and validity read. The audit never imports a
 * context: it reads the raw history, like an external auditor would, and names here every event type and
 * field it relies on, so a renamed field is one place to change (and one failing spec).
 */
export const STORES = {
  catalogue: 'catalogue',
  enrolment: 'enrolment',
  assessment: 'assessment',
  issuance: 'issuance',
  verification: 'verification',
} as const;

export const streams = {
  credential: (id: string) => `issuance.credential-${id}`,
  award: (id: string) => `issuance.award-${id}`,
  learner: (id: string) => `enrolment.learner-${id}`,
  credentialSpec: (id: string) => `catalogue.credential-spec-${id}`,
  institution: (id: string) => `catalogue.institution-${id}`,
  transcript: (enrolmentId: string) => `assessment.transcript-${enrolmentId}`,
};

export const CREDENTIAL_TYPES = {
  drafted: 'CredentialDrafted',
  proofAdded: 'CredentialProofAdded',
  issued: 'CredentialIssued',
  suspended: 'CredentialSuspended',
  reinstated: 'CredentialReinstated',
  revoked: 'CredentialRevoked',
} as const;

export const SPEC_TYPES = {
  drafted: 'CredentialSpecDrafted',
  revised: 'CredentialSpecDraftRevised',
  proposed: 'CredentialSpecProposed',
  approved: 'CredentialSpecApproved',
  declined: 'CredentialSpecApprovalDeclined',
  withdrawn: 'CredentialSpecProposalWithdrawn',
  published: 'CredentialSpecPublished',
  retired: 'CredentialSpecRetired',
  versionDrafted: 'CredentialSpecVersionDrafted',
} as const;

export const INSTITUTION_TYPES = {
  registered: 'InstitutionRegistered',
  keyAdded: 'SigningKeyAdded',
  keyRotated: 'SigningKeyRotated',
  suspended: 'InstitutionSuspended',
  reinstated: 'InstitutionReinstated',
  removed: 'InstitutionRemoved',
} as const;

export const RESULT_TYPES = { published: 'ResultPublished', amended: 'ResultAmended' } as const;

export const VERIFICATION_TYPES = { verified: 'CredentialVerified' } as const;

export interface CredentialDraftedData {
  credentialId: string;
  awardId: string;
  specId: string;
  specVersion: number;
  learnerId: string;
  awardingBodies: { institutionId: string; lead: boolean }[];
  document: { validFrom?: string; validUntil?: string; [k: string]: unknown };
  awardedAt: string;
  supersedes?: string;
}

export interface CredentialProofAddedData {
  credentialId: string;
  institutionId: string;
  verificationMethod: string;
  method: string;
  proof: { created?: string; [k: string]: unknown };
}

export interface CredentialIssuedData {
  credentialId: string;
  issuedAt: string;
  hash: string;
}

export interface CredentialStatusData {
  credentialId: string;
  reason: string;
  institutionId?: string;
  supersededBy?: string;
  wasIssued?: boolean;
}

export interface SigningKeyData {
  keyId: string;
  verificationMethodId: string;
  validFrom: string;
  validUntil?: string;
}

/** Award tracks name the enrolment they follow. */
export interface AwardTrackData {
  awardId: string;
  enrolmentId?: string;
  credentialId?: string;
}
