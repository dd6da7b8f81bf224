import { LEARNING_CREDENTIAL_TYPE_METADATA } from '../sd-jwt-vc/learning-credential.type-metadata';

/** A claims description object for issuer metadata (OID4VCI 1.0 Appendix B.2). */
export interface ClaimDescription {
  path: (string | number | null)[];
  mandatory?: boolean;
  display?: { name: string; locale?: string }[];
}

/** The registered JWT claims: protocol fields, not learner data, so the metadata does not list them for display. */
const REGISTERED = ['iss', 'jti', 'iat', 'nbf', 'exp', 'vct', 'cnf', 'status'];

/**
 * `credential_metadata.claims` of the Learning Credential configuration: the learner-facing claims of the EUDI
 * type metadata, in its order, with its mandatory flags and English labels, so the two documents cannot drift.
 */
export const LEARNING_CREDENTIAL_CLAIMS: ClaimDescription[] = (LEARNING_CREDENTIAL_TYPE_METADATA.claims ?? [])
  .filter((claim) => claim.path.length === 1 && !REGISTERED.includes(String(claim.path[0])))
  .map((claim) => ({
    path: claim.path,
    mandatory: claim.mandatory ?? false,
    display: (claim.display ?? [])
      .filter((d) => (d.locale ?? 'en').startsWith('en'))
      .slice(0, 1)
      .map((d) => ({ name: d.label ?? d.name ?? String(claim.path[0]), locale: 'en' })),
  }));
