import { CreateCheckpointsHandler } from './commands/create-checkpoints.command';
import { ReplayReadModelHandler } from './commands/replay-read-model.command';
import { EventsPageHandler, EventStreamHandler } from './queries/events.queries';
import { CredentialProvenanceHandler, CredentialValidityHandler, StateAtHandler } from './queries/history.queries';
import { AuditKeyHandler, InclusionProofHandler, VerifyLogHandler } from './queries/integrity.queries';
import { ListReadModelsHandler } from './queries/read-models.queries';

/** Every command and query handler of the audit, for its Nest module (the buses find them there). */
export const AUDIT_HANDLERS = [
  EventsPageHandler,
  EventStreamHandler,
  StateAtHandler,
  CredentialProvenanceHandler,
  CredentialValidityHandler,
  AuditKeyHandler,
  VerifyLogHandler,
  InclusionProofHandler,
  ListReadModelsHandler,
  CreateCheckpointsHandler,
  ReplayReadModelHandler,
];
