import { NO_STREAM as K_NO_STREAM, START, STREAM_EXISTS as K_STREAM_EXISTS, type ResolvedEvent } from '@kurrent/kurrentdb-client';
import { ANY_REVISION, NO_STREAM, STREAM_EXISTS } from '../../expected-revision';
import { chainEvents, EMPTY_STREAM } from '../append/chain-events';
import { prepareEvents } from '../append/prepare-events';
import { computeEventHash } from '../hash-chain/compute-event-hash';
import { matchesFilter, serverFilter, toEventData, toReadPosition, toRecordedEvent, toStreamState } from './kurrentdb-mapping';

const metadata = { occurredAt: '2026-06-30T12:00:00.000Z', actor: { subject: 'registrar-1' }, correlationId: 'c-1', causationId: 'k-1' };

describe('KurrentDB mapping', () => {
  it('keeps the whole envelope through a write and a read, so the hash still verifies', () => {
    const [chained] = chainEvents(
      'catalogue.definition-1',
      EMPTY_STREAM,
      prepareEvents('catalogue.definition-1', [{ type: 'Drafted', schemaVersion: 2, data: { title: 'Ünïcode 🎓' }, metadata }]).events,
    );
    const written = toEventData(chained) as { id: string; type: string; data: unknown; metadata: Record<string, unknown> };
    expect(written.metadata.$correlationId).toBe('c-1');
    expect(written.metadata.$causationId).toBe('k-1');
    const resolved = {
      event: {
        streamId: 'catalogue.definition-1',
        id: written.id,
        isJson: true,
        revision: 0n,
        type: written.type,
        created: new Date(),
        data: written.data,
        metadata: written.metadata,
        position: { commit: 4242n, prepare: 4242n },
      },
      commitPosition: 4242n,
    } as unknown as ResolvedEvent;
    const recorded = toRecordedEvent(resolved)!;
    expect(recorded).toEqual({
      eventId: chained.eventId,
      streamId: 'catalogue.definition-1',
      revision: 0,
      position: 4242,
      type: 'Drafted',
      schemaVersion: 2,
      data: { title: 'Ünïcode 🎓' },
      metadata,
      previousHash: null,
      hash: chained.hash,
    });
    expect(computeEventHash(recorded)).toBe(recorded.hash);
  });

  it('skips system events and links', () => {
    expect(
      toRecordedEvent({ event: { streamId: '$stats-1', type: '$statsCollected', isJson: true } } as unknown as ResolvedEvent),
    ).toBeUndefined();
    expect(toRecordedEvent({ link: {} } as unknown as ResolvedEvent)).toBeUndefined();
  });

  it('states exact expectations to the server and pins the others to the tip', () => {
    expect(toStreamState(NO_STREAM, 4)).toBe(K_NO_STREAM);
    expect(toStreamState(3, 4)).toBe(3n);
    expect(toStreamState(ANY_REVISION, -1)).toBe(K_NO_STREAM);
    expect(toStreamState(ANY_REVISION, 4)).toBe(4n);
    expect(toStreamState(STREAM_EXISTS, 4)).toBe(4n);
    expect(toStreamState(STREAM_EXISTS, -1)).toBe(K_STREAM_EXISTS);
  });

  it('filters on the server by one criterion and checks both exactly', () => {
    expect(serverFilter({ streamPrefixes: ['a.'], eventTypes: ['T'] })).toMatchObject({ filterOn: 'streamName', prefixes: ['a.'] });
    expect(serverFilter({ eventTypes: ['T'] })).toMatchObject({ filterOn: 'eventType', prefixes: ['T'] });
    const e = { streamId: 'a.x-1', type: 'TT' };
    expect(matchesFilter(e, { eventTypes: ['T'] })).toBe(false);
    expect(matchesFilter(e, { streamPrefixes: ['a.'], eventTypes: ['TT'] })).toBe(true);
    expect(toReadPosition(0)).toBe(START);
    expect(toReadPosition(77)).toEqual({ commit: 77n, prepare: 77n });
  });
});
