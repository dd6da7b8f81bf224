import type { RecordedEvent } from '../envelope';
import { repairRecordedEvent, repairUnstorableText } from './repair-unstorable-text';
import { UpcasterRegistry } from './upcaster-registry';

const stored = (data: unknown, subject = 'registrar'): RecordedEvent => ({
  eventId: '01920000-0000-7000-8000-000000000001',
  streamId: 'assessment.transcript-1',
  revision: 0,
  position: 1,
  type: 'ResultPublished',
  schemaVersion: 1,
  data,
  metadata: { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject }, correlationId: 'c' },
  previousHash: null,
  hash: 'h',
});

describe('read-time repair of unstorable text', () => {
  it('replaces NUL and unpaired surrogates with U+FFFD, in values and member names, and keeps everything else', () => {
    const value = { assessor: 'Dr\u0000X', list: ['a\ud800', 'ok 🎓'], ['k\u0000']: { n: 1, t: true, z: null }, e: 'e\u0301' };
    expect(repairUnstorableText(value)).toEqual({
      assessor: 'Dr\uFFFDX',
      list: ['a\uFFFD', 'ok 🎓'],
      ['k\uFFFD']: { n: 1, t: true, z: null },
      e: 'e\u0301',
    });
    expect(value.assessor).toBe('Dr\u0000X');
  });

  it('returns a clean value itself, not a copy', () => {
    const clean = { reason: 'resit', grades: [1, 2] };
    expect(repairUnstorableText(clean)).toBe(clean);
    const event = stored(clean);
    expect(repairRecordedEvent(event)).toBe(event);
  });

  it('keeps a stored "__proto__" member a member, never a prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": "yes\\u0000"}, "x": "\\u0000"}') as Record<string, unknown>;
    const repaired = repairUnstorableText(value);
    expect(Object.getPrototypeOf(repaired)).toBe(Object.prototype);
    expect(Object.keys(repaired)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('is applied by every upcast, before the type steps, leaving the stored event and its hash fields alone', () => {
    const registry = new UpcasterRegistry().register<{ assessor: string }, { assessedBy: string }>('ResultPublished', 1, (d) => ({
      assessedBy: d.assessor,
    }));
    const event = stored({ assessor: 'Dr\u0000X' }, 'reg\ud800');
    const read = registry.upcast<{ assessedBy: string }>(event);
    expect(read.data).toEqual({ assessedBy: 'Dr\uFFFDX' });
    expect(read.metadata.actor.subject).toBe('reg\uFFFD');
    expect({ hash: read.hash, previousHash: read.previousHash, eventId: read.eventId }).toEqual({
      hash: 'h',
      previousHash: null,
      eventId: event.eventId,
    });
    expect((event.data as { assessor: string }).assessor).toBe('Dr\u0000X');
  });
});
