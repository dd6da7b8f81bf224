import { DomainError } from '@alliance/event-sourcing';

/** The verification context's only exception type; codes are `verification.<rule>`. */
export class VerificationException extends DomainError {
  constructor(code: string, message: string, status = 422, field?: string) {
    super(`verification.${code}`, message, status, field, { rule: code });
  }
}
