import { DomainError } from '@alliance/event-sourcing';

/** Every code the verification context answers with and its HTTP status: the one place a code gets its status. */
const STATUS = {
  'verification.body.credential-required': 400,
  'verification.body.not-json': 400,
  'verification.command.invalid': 400,
} as const satisfies Record<`verification.${string}`, number>;

export type VerificationErrorCode = keyof typeof STATUS;

/** The verification context's only exception type; codes are `verification.<rule>`. */
export class VerificationException extends DomainError {
  constructor(code: VerificationErrorCode, message: string, field?: string, details?: Record<string, unknown>) {
    super(code, message, STATUS[code], field, { rule: code.slice('verification.'.length), ...details });
  }
}
