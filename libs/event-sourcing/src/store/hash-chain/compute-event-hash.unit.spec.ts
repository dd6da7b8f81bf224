import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { chainEvents, EMPTY_STREAM } from '../append/chain-events';
import { prepareEvents } from '../append/prepare-events';
import { computeEventHash, type HashedContent } from './compute-event-hash';

const event: HashedContent = {
  eventId: '01920000-0000-7000-8000-000000000001',
  streamId: 'assessment.transcript-42',
  revision: 3,
  type: 'ResultPublished',
  schemaVersion: 2,
  data: { grade: { value: 'B', scheme: 'ects' }, ects: 5, note: 'Zoë 🎓' },
  metadata: { occurredAt: '2026-06-30T12:00:00.000Z', actor: { subject: 'registrar-1', role: 'registrar' }, correlationId: 'c-1' },
  previousHash: 'ab'.repeat(32),
};

describe('computeEventHash', () => {
  it('is sha256 over the previous hash and the JCS form of the content', () => {
    const { previousHash, ...rest } = event;
    const content = {
      eventId: rest.eventId,
      streamId: rest.streamId,
      revision: rest.revision,
      type: rest.type,
      schemaVersion: rest.schemaVersion,
      data: rest.data,
      metadata: rest.metadata,
    };
    const expected = createHash('sha256')
      .update(`${previousHash}${canonicalize(content)}`)
      .digest('hex');
    expect(computeEventHash(event)).toBe(expected);
    const first = { ...event, revision: 0, previousHash: null };
    expect(computeEventHash(first)).toBe(
      createHash('sha256')
        .update(canonicalize({ ...content, revision: 0 })!)
        .digest('hex'),
    );
  });

  it('ignores key order and fields outside the content (position, stored hash)', () => {
    const reordered = { ...event, data: { note: 'Zoë 🎓', ects: 5, grade: { scheme: 'ects', value: 'B' } } };
    expect(computeEventHash({ ...reordered, position: 99, hash: 'x' } as HashedContent)).toBe(computeEventHash(event));
  });

  it.each(['eventId', 'streamId', 'revision', 'type', 'schemaVersion', 'data', 'metadata', 'previousHash'] as const)(
    'changes when %s changes',
    (field) => {
      const changed = {
        ...event,
        [field]:
          field === 'revision' || field === 'schemaVersion' ? 7 : field === 'data' || field === 'metadata' ? { other: true } : 'other',
      };
      expect(computeEventHash(changed as HashedContent)).not.toBe(computeEventHash(event));
    },
  );

  it('is what appends store: the chained hash equals the recomputed one', () => {
    const [a, b] = chainEvents(
      's-1',
      EMPTY_STREAM,
      prepareEvents('s-1', [
        { type: 'A', data: { when: new Date('2026-01-01T00:00:00Z') }, metadata: event.metadata },
        { type: 'B', data: undefined, metadata: event.metadata },
      ]).events,
    );
    expect(a.hash).toBe(computeEventHash({ ...a, data: { when: '2026-01-01T00:00:00.000Z' } }));
    expect(b.previousHash).toBe(a.hash);
    expect(b.hash).toBe(computeEventHash({ ...b, data: null }));
  });
});
