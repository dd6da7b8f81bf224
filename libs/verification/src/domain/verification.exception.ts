import { contextException } from '@alliance/event-sourcing';

export type VerificationErrorCode = ConstructorParameters<typeof VerificationException>[0];

/**
 * The verification context's only exception type; codes are `verification.<rule>`. Its table lists every code the
 * verification context answers with and its HTTP status, the one place a code gets its status.
 */
export class VerificationException extends contextException('verification', {
  'verification.body.credential-required': 400,
  'verification.body.not-json': 400,
  'verification.command.invalid': 400,
}) {}
