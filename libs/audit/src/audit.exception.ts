import { DomainError } from '@alliance/event-sourcing';

/** Why an auditor's request cannot be answered; mapped to problem+json by the shared filter. */
export type AuditErrorCode =
  | 'audit.unknown-store'
  | 'audit.unknown-stream'
  | 'audit.unknown-credential'
  | 'audit.unknown-read-model'
  | 'audit.invalid-cursor'
  | 'audit.invalid-instant'
  | 'audit.invalid-credential-id'
  | 'audit.not-checkpointed'
  | 'audit.read-model-not-live'
  | 'audit.read-model-embedded';

const STATUS: Record<AuditErrorCode, number> = {
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
};

export class AuditException extends DomainError {
  constructor(code: AuditErrorCode, message: string, field?: string) {
    super(code, message, STATUS[code], field);
  }
}
