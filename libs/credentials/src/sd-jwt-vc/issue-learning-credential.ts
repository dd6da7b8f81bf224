import { randomUUID } from 'node:crypto';
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import type { Jwk } from './jose-keys';
import type { JwsSigner } from './jws-signer';
import {
  buildLearningCredentialClaims,
  LEARNING_CREDENTIAL_DISCLOSURE_FRAME,
  type LearningCredentialClaims,
  type StatusListReference,
} from './learning-credential.claims';
import type { LearningCredentialFacts } from './learning-credential.facts';

/** The JOSE `typ` of an SD-JWT VC issuer JWT (draft-ietf-oauth-sd-jwt-vc, format `dc+sd-jwt`). */
export const SD_JWT_VC_TYP = 'dc+sd-jwt';

/** Input of {@link issueLearningCredential}. */
export interface IssueLearningCredentialInput {
  facts: LearningCredentialFacts;
  /** The holder's public key (from the wallet's proof of possession), bound as `cnf.jwk`. */
  holderJwk: Jwk;
  signer: JwsSigner;
  /** Where the credential's revocation bit lives, when it can be revoked. */
  status?: StatusListReference;
  /** Issuance instant; defaults to the current time. */
  now?: Date;
  /** Token identifier; defaults to a random UUID. */
  jti?: string;
}

/**
 * Issues an EUDI Learning Credential as a compact SD-JWT VC: the issuer-signed JWT followed by one disclosure
 * per selectively disclosable claim, ending with `~` (no key-binding JWT; the holder adds one when presenting).
 */
export async function issueLearningCredential(input: IssueLearningCredentialInput): Promise<string> {
  const { facts, holderJwk, signer, status } = input;
  const claims = buildLearningCredentialClaims(facts, {
    holderJwk,
    status,
    now: input.now ?? new Date(),
    jti: input.jti ?? randomUUID(),
  });
  const sdJwtVc = new SDJwtVcInstance({
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt,
    signer: (signingInput) => signer.sign(signingInput),
    signAlg: signer.alg,
  });
  const header = { typ: SD_JWT_VC_TYP, ...(signer.kid === undefined ? {} : { kid: signer.kid }) };
  return sdJwtVc.issue<LearningCredentialClaims>(claims, { _sd: [...LEARNING_CREDENTIAL_DISCLOSURE_FRAME._sd] }, { header });
}
