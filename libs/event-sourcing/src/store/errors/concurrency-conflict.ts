import { type EventIdConflictError, isEventIdConflict } from './event-id-conflict.error';
import { isWrongExpectedRevision, type WrongExpectedRevisionError } from './wrong-expected-revision.error';

/** A write lost to another writer: the caller should re-read and retry, and nothing about the stream is for its eyes. */
export type ConcurrencyConflict = WrongExpectedRevisionError | EventIdConflictError;

export function isConcurrencyConflict(e: unknown): e is ConcurrencyConflict {
  return isWrongExpectedRevision(e) || isEventIdConflict(e);
}
