import type { ExpectedRevision } from '../../expected-revision';

/**
 * An append stated an expected stream revision that the stream no longer (or not yet) has:
 * another writer got there first. Safe to retry only after re-reading the stream and re-deciding.
 * Not a `DomainError`: no rule was broken, and the stream id and revisions are internals the HTTP edge
 * must not show (it answers a plain 409 `concurrency-conflict`).
 */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';
  readonly status = 409;

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Current revision of the stream, -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Type guard for {@link WrongExpectedRevisionError}, also true for errors of the same code from other copies of this module. */
export function isWrongExpectedRevision(e: unknown): e is WrongExpectedRevisionError {
  return e instanceof WrongExpectedRevisionError || (e as { code?: unknown } | null)?.code === 'WRONG_EXPECTED_REVISION';
}
