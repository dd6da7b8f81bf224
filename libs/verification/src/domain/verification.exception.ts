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
  // A credential shared through a learner's link, fetched from issuance for the /verify page.
  'verification.share.token-invalid': 400,
  'verification.share.not-found': 404,
  'verification.share.issuance-unavailable': 503,
}) {}
