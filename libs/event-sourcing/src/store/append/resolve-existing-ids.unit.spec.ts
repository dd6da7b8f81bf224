import { NO_STREAM, STREAM_EXISTS, ANY_REVISION } from '../../expected-revision';
import { EventIdConflictError } from '../errors/event-id-conflict.error';
import { WrongExpectedRevisionError } from '../errors/wrong-expected-revision.error';
import { prepareEvents } from './prepare-events';
import { resolveExistingIds } from './resolve-existing-ids';
import { satisfiesExpected, validateExpectedRevision } from './expected-revision-check';

const metadata = { occurredAt: '2026-06-30T12:00:00.000Z', actor: { subject: 'u' }, correlationId: 'c' };
const ids = ['01920000-0000-7000-8000-00000000000a', '01920000-0000-7000-8000-00000000000b'];
const events = prepareEvents(
  's',
  ids.map((eventId) => ({ eventId, type: 'T', data: {}, metadata })),
).events;
const stored = (revisions: number[], streamId = 's') =>
  ids.map((eventId, i) => ({ eventId, streamId, revision: revisions[i], position: 10 + revisions[i] }));

describe('re-appending stored event ids', () => {
  it('returns the original result when the append repeats exactly', () => {
    expect(resolveExistingIds('s', events, stored([0, 1]), NO_STREAM, 4)).toEqual({ nextRevision: 1, lastPosition: 11 });
    expect(resolveExistingIds('s', events, stored([3, 4]), 2, 4)).toEqual({ nextRevision: 4, lastPosition: 14 });
    expect(resolveExistingIds('s', events, stored([3, 4]), STREAM_EXISTS, 4)).toEqual({ nextRevision: 4, lastPosition: 14 });
    expect(resolveExistingIds('s', events, stored([3, 4]), ANY_REVISION, 4)).toEqual({ nextRevision: 4, lastPosition: 14 });
  });

  it('rejects partial overlaps, other streams and other orders', () => {
    expect(() => resolveExistingIds('s', events, stored([0, 1]).slice(1), NO_STREAM, 1)).toThrow(EventIdConflictError);
    expect(() => resolveExistingIds('s', events, stored([0, 1], 'other'), NO_STREAM, -1)).toThrow(/stored in stream other/);
    expect(() => resolveExistingIds('s', events, stored([1, 0]), NO_STREAM, 1)).toThrow(/another order/);
  });

  it('treats a repeat with another expectation as a conflict on the current revision', () => {
    const error = (() => {
      try {
        resolveExistingIds('s', events, stored([3, 4]), NO_STREAM, 6);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ expected: NO_STREAM, actual: 6 });
  });
});

describe('expected revisions', () => {
  it.each([
    [NO_STREAM, -1, true],
    [NO_STREAM, 0, false],
    [STREAM_EXISTS, -1, false],
    [STREAM_EXISTS, 3, true],
    [ANY_REVISION, -1, true],
    [2, 2, true],
    [2, 3, false],
  ] as const)('%s against %i: %s', (expected, actual, ok) => {
    expect(satisfiesExpected(expected, actual)).toBe(ok);
  });

  it('refuses expectations no stream can meet', () => {
    expect(() => validateExpectedRevision(-2)).toThrow(TypeError);
    expect(() => validateExpectedRevision(1.5)).toThrow(TypeError);
    expect(() => validateExpectedRevision('latest' as never)).toThrow(TypeError);
  });
});
