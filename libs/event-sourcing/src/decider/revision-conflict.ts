import type { ExpectedRevision } from '../expected-revision';
import { isWrongExpectedRevision, WrongExpectedRevisionError } from '../store/errors/wrong-expected-revision.error';

/** The only error a command handler retries: another writer appended between load and append. */
export function isRevisionConflict(e: unknown): e is WrongExpectedRevisionError {
  return isWrongExpectedRevision(e);
}

/** The same error the stores throw, for a caller-stated revision that is already stale at load time. */
export function revisionConflict(streamId: string, expected: ExpectedRevision, actual: number): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(streamId, expected, actual);
}
