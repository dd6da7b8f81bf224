import { CreateCheckpointsHandler } from './commands/create-checkpoints.command';
import { ReplayReadModelHandler } from './commands/replay-read-model.command';
import { EventsPageHandler, EventStreamHandler } from './queries/events.queries';
import { CredentialProvenanceHandler, CredentialValidityHandler, StateAtHandler } from './queries/history.queries';
import { AuditKeyHandler, InclusionProofHandler, VerifyLogHandler } from './queries/integrity.queries';
import { ListReadModelsHandler } from './queries/read-models.queries';

/** The audit's command handlers (the CommandBus finds them in its module). */
export const AUDIT_COMMAND_HANDLERS = [CreateCheckpointsHandler, ReplayReadModelHandler];

/** The audit's query handlers (the QueryBus finds them in its module). */
export const AUDIT_QUERY_HANDLERS = [
  EventsPageHandler,
  EventStreamHandler,
  StateAtHandler,
  CredentialProvenanceHandler,
  CredentialValidityHandler,
  AuditKeyHandler,
  VerifyLogHandler,
  InclusionProofHandler,
  ListReadModelsHandler,
];
