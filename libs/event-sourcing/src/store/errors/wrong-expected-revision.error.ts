import { DomainError } from '../../domain-error';
import type { ExpectedRevision } from '../../expected-revision';

/**
 * An append stated an expected stream revision that the stream no longer (or not yet) has:
 * another writer got there first. Safe to retry only after re-reading the stream and re-deciding.
 */
export class WrongExpectedRevisionError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Current revision of the stream, -1 when it does not exist. */
    readonly actual: number,
  ) {
    super('WRONG_EXPECTED_REVISION', `Stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`, 409, undefined, {
      streamId,
      expected,
      actual,
    });
  }
}

/** Type guard for {@link WrongExpectedRevisionError}, also true for errors of the same code from other copies of this module. */
export function isWrongExpectedRevision(e: unknown): e is WrongExpectedRevisionError {
  return e instanceof WrongExpectedRevisionError || (e as { code?: unknown } | null)?.code === 'WRONG_EXPECTED_REVISION';
}
