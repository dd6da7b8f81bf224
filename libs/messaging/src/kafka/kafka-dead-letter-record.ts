import type { Message } from 'kafkajs';
import type { WireRecord } from '../codec/wire-record';
import type { DeadLetter } from '../dead-letters/dead-letter';

/** Headers the bus adds to a dead-lettered record, beside the original ones. */
export const DLQ = {
  reason: 'dlq-reason',
  errorName: 'dlq-error-name',
  errorMessage: 'dlq-error-message',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
  group: 'dlq-group',
  topic: 'dlq-topic',
  partition: 'dlq-partition',
  offset: 'dlq-offset',
  /** On a marker record: the offset of the dead letter that was replayed. */
  replayedOf: 'dlq-replayed-of',
  replayedAt: 'dlq-replayed-at',
} as const;

const isDlqHeader = (name: string) => name.startsWith('dlq-');

/** Original key, value and headers stay untouched, so the record can be replayed byte for byte. */
export function deadLetterRecord(letter: Omit<DeadLetter, 'id'>): Message {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(letter.original.headers)) if (!isDlqHeader(name)) headers[name] = value;
  Object.assign(headers, {
    [DLQ.reason]: letter.reason,
    [DLQ.errorName]: letter.error.name,
    [DLQ.errorMessage]: letter.error.message.slice(0, 4_000),
    [DLQ.attempts]: String(letter.attempts),
    [DLQ.failedAt]: letter.failedAt,
    [DLQ.group]: letter.group,
    [DLQ.topic]: letter.topic,
    [DLQ.partition]: String(letter.partition ?? ''),
    [DLQ.offset]: letter.offset ?? '',
  });
  return { key: letter.original.key, value: letter.original.value, headers };
}

export function replayMarkerRecord(deadLetterOffset: string, at: string): Message {
  return { key: null, value: null, headers: { [DLQ.replayedOf]: deadLetterOffset, [DLQ.replayedAt]: at } };
}

/** The record put on the group's replay topic: the original, plus where it first came from. */
export function replayRecord(letter: DeadLetter): Message {
  return { key: letter.original.key, value: letter.original.value, headers: { ...letter.original.headers, [DLQ.topic]: letter.topic } };
}

/** Reads a dead-letter topic record back; `undefined` for replay markers. */
export function parseDeadLetter(group: string, offset: string, record: WireRecord): DeadLetter | undefined {
  const h = record.headers;
  if (h[DLQ.replayedOf] !== undefined) return undefined;
  const original: WireRecord = { key: record.key, value: record.value, headers: {} };
  for (const [name, value] of Object.entries(h)) if (!isDlqHeader(name)) original.headers[name] = value;
  return {
    id: `${group}/${offset}`,
    group,
    topic: h[DLQ.topic] ?? '',
    partition: h[DLQ.partition] ? Number(h[DLQ.partition]) : undefined,
    offset: h[DLQ.offset] || undefined,
    original,
    reason: h[DLQ.reason] ?? '',
    error: { name: h[DLQ.errorName] ?? 'Error', message: h[DLQ.errorMessage] ?? '' },
    attempts: Number(h[DLQ.attempts] ?? 0),
    failedAt: h[DLQ.failedAt] ?? '',
  };
}
