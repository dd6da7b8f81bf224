import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventMetadata } from '../../envelope';

/** The parts of an event its hash covers. */
export interface HashedContent {
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
  /** Hash of the previous event of the same stream, null for revision 0. */
  previousHash: string | null;
}

/**
 * sha256 (hex) of the previous hash followed by the RFC 8785 (JCS) form of the event's content.
 * JCS makes the hash independent of key order and number formatting, so it survives any JSON store.
 */
export function computeEventHash(event: HashedContent): string {
  const canonical = canonicalize({
    eventId: event.eventId,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
  });
  return createHash('sha256')
    .update(event.previousHash ?? '')
    .update(canonical ?? '')
    .digest('hex');
}

/** How adapters hash events; replaceable only to measure what hashing costs. */
export type EventHasher = (event: HashedContent) => string;
