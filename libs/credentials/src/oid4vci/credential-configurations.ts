import { LEARNING_CREDENTIAL_VCT } from '../sd-jwt-vc/learning-credential.claims';
import { LEARNING_CREDENTIAL_CLAIMS, type ClaimDescription } from './learning-credential-claims';

/** Configuration id of the Open Badges 3.0 credential secured with Data Integrity (`ldp_vc`). */
export const OPEN_BADGE_LDP_VC = 'OpenBadgeCredential_ldp_vc';
/** Configuration id of the EUDI Learning Credential (`dc+sd-jwt`). */
export const LEARNING_CREDENTIAL_SD_JWT = 'LearningCredential_dc+sd-jwt';

/** Algorithms a wallet may sign its `jwt` key proofs with, per configuration. */
export const PROOF_SIGNING_ALGS: Record<string, string[]> = {
  [OPEN_BADGE_LDP_VC]: ['ES256', 'EdDSA'],
  [LEARNING_CREDENTIAL_SD_JWT]: ['ES256'],
};

/** One entry of `credential_configurations_supported`, as this issuer writes it. */
export interface CredentialConfiguration {
  format: 'ldp_vc' | 'dc+sd-jwt';
  cryptographic_binding_methods_supported: string[];
  credential_signing_alg_values_supported: string[];
  proof_types_supported: { jwt: { proof_signing_alg_values_supported: string[] } };
  credential_definition?: { '@context': string[]; type: string[] };
  vct?: string;
  credential_metadata: { display: { name: string; locale: string; description?: string }[]; claims: ClaimDescription[] };
}

const claim = (path: string[], name: string, mandatory: boolean): ClaimDescription => ({
  path,
  mandatory,
  display: [{ name, locale: 'en' }],
});

/** The two credential configurations this issuer offers. */
export function credentialConfigurations(): Record<string, CredentialConfiguration> {
  return {
    [OPEN_BADGE_LDP_VC]: {
      format: 'ldp_vc',
      cryptographic_binding_methods_supported: ['did:jwk', 'did:key'],
      // A.1.2 asks for LD suite registry names; DataIntegrityProof alone would not tell a wallet which
      // cryptosuite it must verify, so the cryptosuite identifiers are listed instead.
      credential_signing_alg_values_supported: ['eddsa-rdfc-2022', 'eddsa-jcs-2022'],
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: PROOF_SIGNING_ALGS[OPEN_BADGE_LDP_VC] } },
      credential_definition: {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
      },
      credential_metadata: {
        display: [{ name: 'Micro-credential (Open Badge)', locale: 'en', description: 'Open Badges 3.0 achievement credential' }],
        claims: [
          claim(['name'], 'Credential name', true),
          claim(['issuer', 'name'], 'Issuer', true),
          claim(['validFrom'], 'Valid from', true),
          claim(['credentialSubject', 'achievement', 'name'], 'Achievement', true),
          claim(['credentialSubject', 'achievement', 'description'], 'Description', true),
          claim(['credentialSubject', 'achievement', 'criteria', 'narrative'], 'Criteria', false),
          claim(['credentialSubject', 'result'], 'Results', false),
        ],
      },
    },
    [LEARNING_CREDENTIAL_SD_JWT]: {
      format: 'dc+sd-jwt',
      vct: LEARNING_CREDENTIAL_VCT,
      cryptographic_binding_methods_supported: ['jwk'],
      // Signed with the lead awarding body's Ed25519 key, the one its DID document lists; the EUDI reference
      // issuers use ES256, which needs P-256 institution keys the registry does not hold yet.
      credential_signing_alg_values_supported: ['EdDSA'],
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: PROOF_SIGNING_ALGS[LEARNING_CREDENTIAL_SD_JWT] } },
      credential_metadata: {
        display: [{ name: 'Learning Credential', locale: 'en', description: 'EUDI Wallet learning credential' }],
        claims: LEARNING_CREDENTIAL_CLAIMS,
      },
    },
  };
}
