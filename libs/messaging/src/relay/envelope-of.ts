import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@alliance/event-sourcing';

/** Identity fields an integration message inherits from the domain event it is published from. */
export function envelopeOf(
  event: RecordedEvent,
  index = 0,
): { eventId: string; occurredAt: string; correlationId: string; causationId?: string } {
  return {
    eventId: index === 0 ? event.eventId : derivedEventId(event.eventId, index),
    occurredAt: event.metadata.occurredAt,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
  };
}

/**
 * A stable id for the n-th extra message published from one domain event: the same on every republish,
 * so inboxes still deduplicate it. Shaped as a UUID (version nibble 8: custom).
 */
export function derivedEventId(eventId: string, index: number): string {
  const hex = createHash('sha256').update(`${eventId}/${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
