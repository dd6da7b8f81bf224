import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { epochSeconds } from './calendar-date';
import { assertPublicJwk, jwsAlgorithmOf, type Jwk, verifyJwsSignature } from './jose-keys';
import { SD_JWT_VC_TYP } from './issue-learning-credential';
import { LEARNING_CREDENTIAL_VCT } from './learning-credential.claims';
import { type TokenStatus, tokenStatusName } from './status-list-token';

/** Options of {@link verifyLearningCredential}. */
export interface VerifyLearningCredentialOptions {
  /** The issuer's public key (e.g. found by `kid` in its `/.well-known/jwt-vc-issuer` document). */
  issuerJwk: Jwk;
  /** When given, a key-binding JWT signed with `cnf.jwk` is required, with exactly this nonce and audience. */
  keyBinding?: { nonce: string; audience: string };
  /** Verification instant for `iat`/`exp`; defaults to the current time. */
  now?: Date;
  /**
   * Fetches the Token Status List JWT at a `status.status_list.uri`. Its `typ`, its signature (with `issuerJwk`),
   * `sub` (that URI), `iat` and `exp` are checked, and the entry's status reported. Without it the status is not
   * checked and the result says so, since a verifier may check revocation another way.
   */
  statusListFetcher?: (uri: string) => Promise<string>;
}

/** What a verified Learning Credential presentation discloses. */
export interface VerifiedLearningCredential {
  /** The issuer-signed claims plus the claims of the disclosures that came with the token. */
  claims: Record<string, unknown>;
  header: Record<string, unknown>;
  /** The key-binding JWT's payload when one was required. */
  keyBinding?: Record<string, unknown>;
  /** The credential's entry in its Token Status List; absent when it has none or no fetcher was given. */
  status?: TokenStatus;
}

/**
 * Verifies an SD-JWT VC Learning Credential with `SDJwtVcInstance.verify`: the issuer signature with the given
 * key (and that key's algorithm only), the header `typ`, `vct`, `iat`/`exp`, every disclosure's digest and,
 * when asked, the holder's key-binding JWT, and, given a fetcher, reads the credential's status (a revoked or
 * suspended credential is reported as such, not refused: what follows from it is the verifier's policy).
 * Rejects with an error on the first failed check.
 */
export async function verifyLearningCredential(
  token: string,
  options: VerifyLearningCredentialOptions,
): Promise<VerifiedLearningCredential> {
  const { issuerJwk, keyBinding, statusListFetcher } = options;
  assertPublicJwk(issuerJwk, 'issuerJwk');
  let status: TokenStatus | undefined;
  const sdJwtVc = new SDJwtVcInstance({
    hasher: digest,
    verifier: (signingInput, signature) => verifyJwsSignature(issuerJwk, signingInput, signature),
    kbVerifier: (signingInput, signature, payload) => {
      const holderJwk: unknown = (payload.cnf as { jwk?: unknown } | undefined)?.jwk;
      assertPublicJwk(holderJwk, 'cnf.jwk');
      return verifyJwsSignature(holderJwk, signingInput, signature);
    },
    ...(statusListFetcher ? { statusListFetcher } : {}),
    statusValidator: async (value) => {
      status = tokenStatusName(value);
    },
  });
  const result = await sdJwtVc.verify(token, {
    currentDate: epochSeconds(options.now ?? new Date()),
    expectedVct: LEARNING_CREDENTIAL_VCT,
    allowedIssuerAlgorithms: [jwsAlgorithmOf(issuerJwk)],
    disableStatusVerification: statusListFetcher === undefined,
    ...(keyBinding ? { keyBindingNonce: keyBinding.nonce, expectedKeyBindingAudience: keyBinding.audience } : {}),
  });
  const header = result.header ?? {};
  // The library checks signatures but not the media type; a plain JWT or an old `vc+sd-jwt` token is refused here.
  if (header.typ !== SD_JWT_VC_TYP) throw new Error(`SD-JWT VC header typ must be ${SD_JWT_VC_TYP}, got ${String(header.typ)}`);
  if (keyBinding && !result.kb) throw new Error('key-binding JWT required but not verified');
  return {
    claims: result.payload as Record<string, unknown>,
    header,
    ...(result.kb ? { keyBinding: result.kb.payload as Record<string, unknown> } : {}),
    ...(status === undefined ? {} : { status }),
  };
}
