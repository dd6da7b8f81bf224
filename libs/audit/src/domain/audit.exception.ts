import { contextException } from '@alliance/event-sourcing';

/** Why an auditor's request cannot be answered. */
export type AuditErrorCode = ConstructorParameters<typeof AuditException>[0];

/**
 * The audit context's only exception type; the shared filter maps it to problem+json. Its table lists every code
 * audit answers with and its HTTP status, the one place a code gets its status.
 */
export class AuditException extends contextException(
  'audit',
  {
    'audit.unknown-store': 400,
    'audit.unknown-stream': 404,
    'audit.unknown-credential': 404,
    'audit.unknown-read-model': 404,
    'audit.invalid-cursor': 400,
    'audit.invalid-instant': 400,
    'audit.invalid-credential-id': 400,
    'audit.not-checkpointed': 404,
    'audit.read-model-not-live': 409,
    'audit.read-model-embedded': 409,
  },
  { ruleInDetails: false },
) {}
