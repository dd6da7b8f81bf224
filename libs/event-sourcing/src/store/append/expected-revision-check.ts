import { ANY_REVISION, type ExpectedRevision, NO_STREAM, STREAM_EXISTS } from '../../expected-revision';
import { WrongExpectedRevisionError } from '../errors/wrong-expected-revision.error';

/** Does a stream whose last revision is `actual` (-1: no stream) meet the expectation? */
export function satisfiesExpected(expected: ExpectedRevision, actual: number): boolean {
  if (expected === ANY_REVISION) return true;
  if (expected === NO_STREAM) return actual === -1;
  if (expected === STREAM_EXISTS) return actual >= 0;
  return expected === actual;
}

export function assertExpectedRevision(streamId: string, expected: ExpectedRevision, actual: number): void {
  if (!satisfiesExpected(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

/** Rejects expectations no stream can meet, before any I/O. */
export function validateExpectedRevision(expected: ExpectedRevision): void {
  if (
    typeof expected === 'number'
      ? !Number.isInteger(expected) || expected < -1
      : ![ANY_REVISION, NO_STREAM, STREAM_EXISTS].includes(expected)
  ) {
    throw new TypeError(`Invalid expected revision ${String(expected)}`);
  }
}
