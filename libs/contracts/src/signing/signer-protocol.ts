/**
 * The HTTP protocol between the issuance service and an institution-run signer (apps/signer). The signer
 * calls out only: it pulls requests, returns proofs or refusals. It authenticates with a short-lived JWT
 * it signs with one of its institution's registered keys (private_key_jwt style, RFC 7523 claims):
 * header `{alg: 'EdDSA', kid: <verificationMethodId>}`, claims `iss` = `sub` = institution id,
 * `aud` = {@link SIGNER_TOKEN_AUDIENCE}, `iat`, `exp` (at most {@link SIGNER_TOKEN_MAX_AGE_SECONDS} later), `jti`.
 */
export const SIGNER_TOKEN_AUDIENCE = 'alliance-issuance-signer';
export const SIGNER_TOKEN_MAX_AGE_SECONDS = 300;

export const SIGNER_PATHS = {
  requests: '/signer/requests',
  proof: (credentialId: string) => `/signer/requests/${credentialId}/proof`,
  refusal: (credentialId: string) => `/signer/requests/${credentialId}/refusal`,
  statusLists: '/signer/status-lists',
  statusListProof: (listId: string) => `/signer/status-lists/${listId}/proof`,
} as const;

/**
 * A status list of the institution whose bits changed since its signer last signed it. The signer signs lists
 * whose `issuer` is its own DID: they say which of its credentials are revoked or suspended.
 */
export interface StatusListSigningRequestV1 {
  listId: string;
  institutionId: string;
  /** Identifies the list's state; the proof is returned with it. */
  changedPosition: number;
  /** The unsigned BitstringStatusListCredential. */
  document: Record<string, unknown>;
  documentDigest: string;
}

export interface StatusListProofV1 {
  changedPosition: number;
  proof: Record<string, unknown>;
}

/** One credential waiting for the institution's proof, with what the signer needs to decide. */
export interface SigningRequestV1 {
  credentialId: string;
  /** The institution the request is for (the signer checks it is its own). */
  institutionId: string;
  cryptosuite: string;
  /** The unsigned credential: the proof covers exactly this document. */
  document: Record<string, unknown>;
  /** SHA-256 (hex) over the JCS form of `document`: the signer logs it and checks it before signing. */
  documentDigest: string;
  definition: {
    specId: string;
    version: number;
    title: string;
    awardingBodies: { institutionId: string; lead: boolean }[];
    components: { code: string; title: string; institutionId: string }[];
  };
  learnerId: string;
  /** The results issuance granted the award on, one per component. */
  results: {
    componentCode: string;
    institutionId: string;
    passed: boolean;
    grade?: number | string;
    assessedAt: string;
    resultId: string;
  }[];
  /** Awarding bodies that signed already, and when the request was made. */
  signedBy: string[];
  requestedAt: string;
}

export interface SigningRequestsV1 {
  items: SigningRequestV1[];
}

export interface SignerProofV1 {
  proof: Record<string, unknown>;
}

export interface SignerRefusalV1 {
  /** e.g. `definition.not-approved`, `results.incomplete`, `document.mismatch`. */
  code: string;
  reason: string;
}
