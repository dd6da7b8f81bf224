export * from './encoding/multibase';
export { base58btcDecode, base58btcEncode } from './encoding/base58btc';
export * from './keys/ed25519';
export * from './keys/key-possession';

export * from './jsonld/bundled-contexts';
export * from './jsonld/served-contexts';
export * from './jsonld/served-context-bytes';
export * from './jsonld/document-loader';
export { canonicalizeRdf, CanonicalizationError } from './jsonld/rdf-canonicalize';

export * from './data-integrity/types';
export * from './data-integrity/errors';
export { computeHashData, cryptosuiteOf, type Cryptosuite, type HashDataResult } from './data-integrity/cryptosuite';
export { eddsaJcs2022 } from './data-integrity/eddsa-jcs-2022';
export { eddsaRdfc2022 } from './data-integrity/eddsa-rdfc-2022';
export {
  addChainedProof,
  type ExternalEd25519Signer,
  proofsOf,
  signCredential,
  withoutProof,
  type Signer,
  type SignOptions,
} from './data-integrity/sign';
export type { ProofVerificationResult } from './data-integrity/verify-proof';
export * from './data-integrity/verify-credential';

export * from './did/controller-document';
export * from './did/did-key';
export * from './did/did-web';
export * from './did/resolver';
export * from './did/did-web-resolution';
export * from './did/did-web-https-resolver';
export * from './net/address-policy';
export * from './did/did-document-keys';

export * from './status-list/status-list-error';
export * from './status-list/bitstring-status-list';
export * from './status-list/status-list-credential';
export * from './status-list/check-status';

export * from './model/definition-types';
export * from './model/eqf';
export * from './model/annex-i';
export * from './model/annex-i-check';
export * from './model/co-issuers';
export * from './model/identity';
export { achievementCredentialContext, buildAchievementCredential } from './model/build-achievement-credential';
export * from './schema/ob-schema';
export * from './sd-jwt-vc';

export * from './oid4vci';

export { credentialHeadline, type CredentialHeadline } from './presentation/credential-headline';
export { plainAnnexI, type PlainAnnexElement } from './presentation/plain-annex-i';
export { credentialPdf, type CredentialPdfInput } from './presentation/credential-pdf';

export * from './testing';
