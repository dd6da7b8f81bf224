/** A claims description object for issuer metadata (OID4VCI 1.0 Appendix B.2). */
export interface ClaimDescription {
  path: (string | number | null)[];
  mandatory?: boolean;
  display?: { name: string; locale?: string }[];
}

/** `vct` of the EUDI Wallet Learning Credential (SD-JWT VC). */
export const LEARNING_CREDENTIAL_VCT = 'urn:eu.europa.ec.eudi:learning:credential:1';

// Mandatory flags follow the EUDI reference issuer's type metadata, the source the wallets read. Where the
// reference implementations disagree (date_of_expiry), the type metadata wins. The registered JWT claims
// (iss, jti, iat, exp, vct, cnf) are protocol fields, not learner data, so they are not listed for display.
const claims: [path: string, mandatory: boolean, label: string][] = [
  ['issuing_authority', true, 'Awarding body'],
  ['issuing_country', true, 'Country of the awarding body'],
  ['date_of_issuance', true, 'Date of issuance'],
  ['date_of_expiry', false, 'Date of expiry'],
  ['family_name', true, 'Family name'],
  ['given_name', false, 'Given name'],
  ['learner_identification', true, 'Learner identifier'],
  ['achievement_title', true, 'Title of the micro-credential'],
  ['achievement_description', false, 'Description'],
  ['learning_outcomes', false, 'Learning outcomes'],
  ['assessment_grade', false, 'Grade achieved'],
  ['language_of_classes', true, 'Language(s) of instruction'],
  ['expected_study_time', true, 'Notional workload'],
  ['level_of_learning_experience', true, 'EQF level'],
  ['types_of_quality_assurance', true, 'Quality assurance'],
  ['prerequisites_to_enroll', false, 'Prerequisites to enrol'],
  ['integration_stackability_options', false, 'Can be combined with other credentials'],
];

/** `credential_metadata.claims` of the Learning Credential configuration, in display order. */
export const LEARNING_CREDENTIAL_CLAIMS: ClaimDescription[] = claims.map(([name, mandatory, label]) => ({
  path: [name],
  mandatory,
  display: [{ name: label, locale: 'en' }],
}));
