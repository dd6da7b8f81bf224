import type { RecordedEvent } from '../../envelope';
import type { EventStore, ReadAllOptions } from '../../event-store.port';
import { chainEvents, EMPTY_STREAM } from '../append/chain-events';
import { prepareEvents } from '../append/prepare-events';
import { HashChainBrokenError } from '../errors/hash-chain-broken.error';
import { verifyChain } from './verify-chain';
import { assertStreamChain } from './verify-stream-events';

const metadata = { occurredAt: '2026-06-30T12:00:00.000Z', actor: { subject: 'u' }, correlationId: 'c' };

/** Two interleaved streams of three events each, as a store would return them. */
function log(): RecordedEvent[] {
  const streams = ['a.x-1', 'a.y-1'].map((s) =>
    chainEvents(
      s,
      EMPTY_STREAM,
      prepareEvents(
        s,
        [0, 1, 2].map((i) => ({ type: 'T', data: { i }, metadata })),
      ).events,
    ),
  );
  const events: RecordedEvent[] = [];
  for (let i = 0; i < 3; i++) for (const s of streams) events.push({ ...s[i], position: events.length + 1 });
  return events.map(({ eventId, streamId, revision, position, type, schemaVersion, data, metadata: m, previousHash, hash }) => ({
    eventId,
    streamId,
    revision,
    position,
    type,
    schemaVersion,
    data,
    metadata: m,
    previousHash,
    hash,
  }));
}

function storeOf(events: RecordedEvent[]): Pick<EventStore, 'readAll'> {
  return {
    async *readAll(options: ReadAllOptions = {}) {
      for (const e of events)
        if (!options.filter?.streamPrefixes || options.filter.streamPrefixes.some((p) => e.streamId.startsWith(p))) yield e;
    },
  };
}

describe('verifyChain', () => {
  it('accepts an intact log and reports progress', async () => {
    const progress: number[] = [];
    expect(await verifyChain(storeOf(log()), { onProgress: (n) => progress.push(n), progressEvery: 2 })).toEqual({ ok: true, checked: 6 });
    expect(progress).toEqual([2, 4, 6, 6]);
  });

  it('names an event whose data changed', async () => {
    const events = log();
    events[3] = { ...events[3], data: { i: 99 } };
    const result = await verifyChain(storeOf(events));
    expect(result).toMatchObject({
      ok: false,
      checked: 3,
      brokenAt: {
        streamId: 'a.y-1',
        revision: 1,
        position: 4,
        eventId: events[3].eventId,
        foundHash: events[3].hash,
        reason: 'hash-mismatch',
      },
    });
  });

  it('names an event whose previous hash does not link, even with a recomputed own hash', async () => {
    const events = log();
    events[4] = { ...events[4], previousHash: 'f'.repeat(64) };
    const result = await verifyChain(storeOf(events));
    expect(result).toMatchObject({
      ok: false,
      brokenAt: { position: 5, reason: 'previous-hash-mismatch', expectedHash: events[2].hash, foundHash: 'f'.repeat(64) },
    });
  });

  it('names the event after a removed one', async () => {
    const events = log().filter((e) => e.position !== 3);
    const result = await verifyChain(storeOf(events));
    expect(result).toMatchObject({ ok: false, brokenAt: { streamId: 'a.x-1', revision: 2, reason: 'revision-gap' } });
  });

  it('checks slices of a stream read in either direction', () => {
    const stream = log().filter((e) => e.streamId === 'a.x-1');
    expect(() => assertStreamChain(stream)).not.toThrow();
    expect(() => assertStreamChain([...stream].reverse())).not.toThrow();
    expect(() => assertStreamChain(stream.slice(1))).not.toThrow();
    expect(() => assertStreamChain([stream[0], { ...stream[1], data: { i: -1 } }])).toThrow(HashChainBrokenError);
  });
});
