/** How an awarding body's proof is obtained: by the platform on its own, or when the institution's admin acts. */
export type SigningPolicy = 'automatic' | 'manual';

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

/** The unsigned credential is fixed: from now on only proofs are added to it. */
export interface CredentialDrafted {
  type: 'CredentialDrafted';
  data: {
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
  };
}

/** How a proof came: signed by the platform (automatic policy or an admin's endorsement) or made by the institution itself. */
export type ProofMethod = 'automatic' | 'endorsement' | 'detached-proof';

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

/** Final. `wasIssued: false` means the draft was abandoned before every proof came in. */
export interface CredentialRevoked {
  type: 'CredentialRevoked';
  data: { credentialId: string; reason: string; institutionId?: string; supersededBy?: string; wasIssued: boolean; status: StatusSlot };
}

export type CredentialEvent = CredentialDrafted | CredentialProofAdded | CredentialIssued | CredentialSuspended | CredentialReinstated | CredentialRevoked;

export const CREDENTIAL_EVENT_TYPES: readonly CredentialEvent['type'][] = [
  'CredentialDrafted',
  'CredentialProofAdded',
  'CredentialIssued',
  'CredentialSuspended',
  'CredentialReinstated',
  'CredentialRevoked',
];
