import { CollectAutomaticProofsHandler } from './collect-automatic-proofs';
import { EndorseCredentialHandler } from './endorse-credential';
import { GenerateSigningKeyHandler } from './generate-signing-key';
import { IssueCredentialHandler } from './issue-credential';
import { LiftFinalRevocationHandler } from './lift-final-revocation';
import { ReinstateCredentialHandler } from './reinstate-credential';
import { RevokeCredentialHandler } from './revoke-credential';
import { SetSigningPolicyHandler } from './set-signing-policy';
import { SuspendCredentialHandler } from './suspend-credential';

export * from './collect-automatic-proofs';
export * from './endorse-credential';
export * from './generate-signing-key';
export * from './issue-credential';
export * from './lift-final-revocation';
export * from './reinstate-credential';
export * from './revoke-credential';
export * from './set-signing-policy';
export * from './suspend-credential';

/** Every command handler of issuance, for its Nest module. */
export const ISSUANCE_COMMAND_HANDLERS = [
  CollectAutomaticProofsHandler,
  EndorseCredentialHandler,
  GenerateSigningKeyHandler,
  IssueCredentialHandler,
  LiftFinalRevocationHandler,
  ReinstateCredentialHandler,
  RevokeCredentialHandler,
  SetSigningPolicyHandler,
  SuspendCredentialHandler,
];
