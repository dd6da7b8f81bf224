/**
 * How an awarding body's proof is obtained. `institution-signer`: the institution's own signer (apps/signer)
 * pulls the request and signs with a key the platform never sees; the default. `automatic` and `manual` are
 * delegations to keys the platform holds for the institution: signed at once, or when its admin endorses.
 */
export type SigningPolicy = 'institution-signer' | 'automatic' | 'manual';

export interface AwardingBodySigner {
  institutionId: string;
  lead: boolean;
  /** The policy in force when the credential was drafted. */
  signing: SigningPolicy;
}

/** The slot the credential holds in its lead institution's revocation and suspension lists. */
export interface StatusSlot {
  listId: string;
  index: number;
}

/** What a drafted credential fixes: whom and what it is for, who signs it, the document and its status slot. */
export interface CredentialDraft {
  credentialId: string;
  awardId: string;
  specId: string;
  specVersion: number;
  learnerId: string;
  awardingBodies: AwardingBodySigner[];
  /** The unsigned OB 3.0 AchievementCredential every proof is made over. */
  document: Record<string, unknown>;
  cryptosuite: string;
  status: StatusSlot;
  awardedAt: string;
  supersedes?: string;
}

/** The unsigned credential is fixed: from now on only proofs are added to it. */
export interface CredentialDrafted {
  type: 'CredentialDrafted';
  data: CredentialDraft;
}

/**
 * How a proof came: signed by the platform under the institution's delegation (automatic policy, or an admin's
 * endorsement), posted by its admin (detached-proof), or returned by the institution's own signer.
 */
export type ProofMethod = 'automatic' | 'endorsement' | 'detached-proof' | 'institution-signer';

/** An awarding body's signer declined to sign, with its reason: the credential is held until the request is reopened. */
export interface CredentialSignatureRefused {
  type: 'CredentialSignatureRefused';
  data: { credentialId: string; institutionId: string; code: string; reason: string; refusedAt: string };
}

/** The refusal was dealt with (results corrected, policy changed): the awarding body's signer is asked again. */
export interface CredentialSignatureRequestReopened {
  type: 'CredentialSignatureRequestReopened';
  data: { credentialId: string; institutionId: string; reason: string; reopenedAt: string };
}

export interface CredentialProofAdded {
  type: 'CredentialProofAdded';
  data: { credentialId: string; institutionId: string; verificationMethod: string; method: ProofMethod; proof: Record<string, unknown> };
}

/** Every awarding body signed: the credential exists. `hash` is SHA-256 over the JCS form of the signed credential. */
export interface CredentialIssued {
  type: 'CredentialIssued';
  data: {
    credentialId: string;
    hash: string;
    awardId: string;
    specId: string;
    specVersion: number;
    learnerId: string;
    awardingBodies: string[];
    awardedAt: string;
    issuedAt: string;
    /** The credential's own validUntil, when it expires. */
    validUntil?: string;
    status: StatusSlot;
    supersedes?: string;
  };
}

export interface CredentialSuspended {
  type: 'CredentialSuspended';
  data: { credentialId: string; reason: string; institutionId?: string; status: StatusSlot };
}

export interface CredentialReinstated {
  type: 'CredentialReinstated';
  data: { credentialId: string; reason: string; institutionId?: string; status: StatusSlot };
}

/**
 * Final. `wasIssued: false` means the draft was abandoned before every proof came in. `final: true`: revoked
 * for good by an awarding body's admin, which also bars a new credential of the definition for the learner
 * until an awarding body's admin lifts that (absent on revocations made before the notion existed).
 */
export interface CredentialRevoked {
  type: 'CredentialRevoked';
  data: {
    credentialId: string;
    reason: string;
    institutionId?: string;
    supersededBy?: string;
    wasIssued: boolean;
    status: StatusSlot;
    final?: true;
  };
}

export type CredentialEvent =
  | CredentialDrafted
  | CredentialProofAdded
  | CredentialSignatureRefused
  | CredentialSignatureRequestReopened
  | CredentialIssued
  | CredentialSuspended
  | CredentialReinstated
  | CredentialRevoked;

export const CREDENTIAL_EVENT_TYPES: readonly CredentialEvent['type'][] = [
  'CredentialDrafted',
  'CredentialProofAdded',
  'CredentialSignatureRefused',
  'CredentialSignatureRequestReopened',
  'CredentialIssued',
  'CredentialSuspended',
  'CredentialReinstated',
  'CredentialRevoked',
];
