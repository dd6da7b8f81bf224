/** A credential as the API lists it. */
export interface CredentialSummary {
  credentialId: string;
  learnerId: string;
  specId: string;
  specVersion: number;
  lifecycle: 'collecting-proofs' | 'issued' | 'suspended' | 'revoked';
  awardingBodies: { institutionId: string; lead: boolean; signing: string; signed: boolean }[];
  statusList: { listId: string; index: number };
  awardedAt: string;
  issuedAt?: string;
  hash?: string;
  supersedes?: string;
  supersededBy?: string;
  statusReason?: string;
  /** The learner was erased: the document's personal fields read as erased (the learner's own copy is unaffected). */
  learnerErased?: true;
}

/** The credential with its proof set, as it is served to holders. */
export interface CredentialDocument {
  summary: CredentialSummary;
  /** The unsigned document with every proof collected so far, in the order they came. */
  secured: Record<string, unknown>;
}

export interface CredentialFilter {
  learnerId?: string;
  specId?: string;
  /** Only credentials this institution co-awards. */
  institutionId?: string;
  limit: number;
  offset: number;
}

export abstract class CredentialQueries {
  abstract list(filter: CredentialFilter): Promise<{ items: CredentialSummary[]; total: number }>;
  abstract get(credentialId: string): Promise<CredentialDocument | undefined>;
}
