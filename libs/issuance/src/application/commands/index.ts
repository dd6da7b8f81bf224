import { CollectAutomaticProofsHandler } from './collect-automatic-proofs';
import { EndorseCredentialHandler } from './endorse-credential';
import { GenerateSigningKeyHandler } from './generate-signing-key';
import { IssueCredentialHandler } from './issue-credential';
import { LiftFinalRevocationHandler } from './lift-final-revocation';
import { OfferCredentialToWalletHandler } from './offer-credential-to-wallet';
import { ReinstateCredentialHandler } from './reinstate-credential';
import { ReopenSignatureRequestHandler } from './reopen-signature-request';
import { RevokeCredentialShareHandler } from './revoke-credential-share';
import { RevokeCredentialHandler } from './revoke-credential';
import { SetSigningPolicyHandler } from './set-signing-policy';
import { ShareCredentialHandler } from './share-credential';
import { SubmitSignerProofHandler } from './submit-signer-proof';
import { RefuseSigningRequestHandler } from './refuse-signing-request';
import { SubmitStatusListProofHandler } from './submit-status-list-proof';
import { SuspendCredentialHandler } from './suspend-credential';

export * from './collect-automatic-proofs';
export * from './endorse-credential';
export * from './generate-signing-key';
export * from './issue-credential';
export * from './lift-final-revocation';
export * from './offer-credential-to-wallet';
export * from './reinstate-credential';
export * from './reopen-signature-request';
export * from './revoke-credential-share';
export * from './revoke-credential';
export * from './set-signing-policy';
export * from './share-credential';
export * from './refuse-signing-request';
export * from './signer.command';
export * from './submit-signer-proof';
export * from './submit-status-list-proof';
export * from './suspend-credential';

/** Every command handler of issuance, for its Nest module. */
export const ISSUANCE_COMMAND_HANDLERS = [
  CollectAutomaticProofsHandler,
  EndorseCredentialHandler,
  GenerateSigningKeyHandler,
  IssueCredentialHandler,
  LiftFinalRevocationHandler,
  OfferCredentialToWalletHandler,
  ReinstateCredentialHandler,
  ReopenSignatureRequestHandler,
  RevokeCredentialHandler,
  RevokeCredentialShareHandler,
  SetSigningPolicyHandler,
  ShareCredentialHandler,
  SuspendCredentialHandler,
  SubmitSignerProofHandler,
  RefuseSigningRequestHandler,
  SubmitStatusListProofHandler,
];
