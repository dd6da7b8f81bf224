import { GetCredentialHandler, ListCredentialsHandler } from './credential.queries';
import { InstitutionSigningHandler } from './institution-signing.query';
import { CredentialSignaturesHandler, SignatureRefusalsHandler } from './signature.queries';
import { SigningRequestsHandler, StatusListSigningRequestsHandler } from './signer.queries';
import { StatusListDocumentHandler } from './status-list.query';

export * from './credential.queries';
export * from './institution-signing.query';
export * from './signature.queries';
export * from './signer.queries';
export * from './status-list.query';

/** Every query handler of issuance, for its Nest module (the QueryBus finds them there). */
export const ISSUANCE_QUERY_HANDLERS = [
  GetCredentialHandler,
  ListCredentialsHandler,
  InstitutionSigningHandler,
  CredentialSignaturesHandler,
  SignatureRefusalsHandler,
  SigningRequestsHandler,
  StatusListSigningRequestsHandler,
  StatusListDocumentHandler,
];
