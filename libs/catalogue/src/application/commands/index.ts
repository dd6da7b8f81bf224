import { AddSigningKeyHandler } from './add-signing-key';
import { ApproveCredentialSpecHandler } from './approve-credential-spec';
import { DeclineCredentialSpecHandler } from './decline-credential-spec';
import { DraftCredentialSpecHandler } from './draft-credential-spec';
import { DraftCredentialSpecVersionHandler } from './draft-credential-spec-version';
import { IssueKeyChallengeHandler } from './issue-key-challenge';
import { ProposeCredentialSpecHandler } from './propose-credential-spec';
import { RebuildReadModelHandler } from './rebuild-read-model';
import { PublishCredentialSpecHandler } from './publish-credential-spec';
import { RegisterInstitutionHandler } from './register-institution';
import { ReinstateInstitutionHandler } from './reinstate-institution';
import { RemoveInstitutionHandler } from './remove-institution';
import { RetireCredentialSpecHandler } from './retire-credential-spec';
import { ReviseCredentialSpecDraftHandler } from './revise-credential-spec-draft';
import { RevokeSigningKeyHandler } from './revoke-signing-key';
import { RotateSigningKeyHandler } from './rotate-signing-key';
import { SuspendInstitutionHandler } from './suspend-institution';
import { WithdrawCredentialSpecProposalHandler } from './withdraw-credential-spec-proposal';

export * from './add-signing-key';
export * from './approve-credential-spec';
export * from './decline-credential-spec';
export * from './draft-credential-spec';
export * from './draft-credential-spec-version';
export * from './issue-key-challenge';
export * from './propose-credential-spec';
export * from './publish-credential-spec';
export * from './rebuild-read-model';
export * from './register-institution';
export * from './reinstate-institution';
export * from './remove-institution';
export * from './retire-credential-spec';
export * from './revise-credential-spec-draft';
export * from './revoke-signing-key';
export * from './rotate-signing-key';
export * from './suspend-institution';
export * from './withdraw-credential-spec-proposal';

/** Every command handler of the catalogue, for its Nest module. */
export const CATALOGUE_COMMAND_HANDLERS = [
  RegisterInstitutionHandler,
  IssueKeyChallengeHandler,
  AddSigningKeyHandler,
  RotateSigningKeyHandler,
  RevokeSigningKeyHandler,
  SuspendInstitutionHandler,
  ReinstateInstitutionHandler,
  RemoveInstitutionHandler,
  DraftCredentialSpecHandler,
  ReviseCredentialSpecDraftHandler,
  ProposeCredentialSpecHandler,
  ApproveCredentialSpecHandler,
  DeclineCredentialSpecHandler,
  WithdrawCredentialSpecProposalHandler,
  PublishCredentialSpecHandler,
  RetireCredentialSpecHandler,
  DraftCredentialSpecVersionHandler,
  RebuildReadModelHandler,
];
