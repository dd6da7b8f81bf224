import type { RecordedEvent } from '../envelope';
import { hasUnstorableText } from '../storable-text/unstorable-text';

/** What a NUL character or an unpaired surrogate reads as once repaired: U+FFFD, the Unicode replacement character. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** The string with every NUL and unpaired surrogate replaced by U+FFFD. */
export function repairText(text: string): string {
  return text.replaceAll('\u0000', REPLACEMENT_CHARACTER).toWellFormed();
}

/**
 * A copy of a JSON value in which every string and member name a read model can hold as it is stays
 * unchanged, and the others are repaired with `repairText`; the value itself when nothing needs repair.
 */
export function repairUnstorableText<T>(value: T): T {
  return hasUnstorableText(value) ? (repaired(value) as T) : value;
}

function repaired(value: unknown): unknown {
  if (typeof value === 'string') return repairText(value);
  if (Array.isArray(value)) return value.map(repaired);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    // defineProperty: a stored "__proto__" member stays a member instead of becoming the prototype.
    Object.defineProperty(out, repairText(key), { value: repaired(member), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Read-side repair of an event stored before appends refused unstorable text (a NUL, an unpaired surrogate):
 * projections, aggregates and the outbox see U+FFFD in its place, so one old event cannot stop them. The
 * stored event, and the hash chain over it, are never touched; the event itself is returned when it is clean.
 */
export function repairRecordedEvent<T>(event: RecordedEvent<T>): RecordedEvent<T> {
  const data = repairUnstorableText(event.data);
  const metadata = repairUnstorableText(event.metadata);
  if (data === event.data && metadata === event.metadata && !hasUnstorableText([event.streamId, event.type])) return event;
  return { ...event, streamId: repairText(event.streamId), type: repairText(event.type), data, metadata };
}
