import { contextException } from '@alliance/event-sourcing';

/** Every code audit answers with and its HTTP status: the one place a code gets its status. */
const STATUS = {
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
} as const satisfies Record<`audit.${string}`, number>;

/** Why an auditor's request cannot be answered. */
export type AuditErrorCode = keyof typeof STATUS;

/** The audit context's only exception type; the shared filter maps it to problem+json. */
export class AuditException extends contextException('audit', STATUS, { ruleInDetails: false }) {}
