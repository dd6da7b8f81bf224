/**
 * A message that can never succeed, however often it is retried (unknown contract version, invalid payload,
 * a broken invariant the handler detected). The bus skips the retries and dead-letters it at once with `reason`,
 * so the partition keeps moving.
 */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';

  constructor(
    /** Short machine-readable code, e.g. `unknown-version`, `invalid-payload`, `malformed`. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Type guard that also recognises poison errors thrown by another copy of this library. */
export function isPoisonMessage(error: unknown): error is PoisonMessageError {
  return error instanceof PoisonMessageError || (error instanceof Error && error.name === 'PoisonMessageError');
}
