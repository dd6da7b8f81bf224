import { contextException } from '@alliance/event-sourcing';

/** Every code the verification context answers with and its HTTP status: the one place a code gets its status. */
const STATUS = {
  'verification.body.credential-required': 400,
  'verification.body.not-json': 400,
  'verification.command.invalid': 400,
} as const satisfies Record<`verification.${string}`, number>;

export type VerificationErrorCode = keyof typeof STATUS;

/** The verification context's only exception type; codes are `verification.<rule>`. */
export class VerificationException extends contextException('verification', STATUS) {}
