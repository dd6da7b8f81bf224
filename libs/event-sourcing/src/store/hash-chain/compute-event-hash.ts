import { createHash } from 'node:crypto';
import type { EventMetadata } from '../../envelope';
import { canonicalJson } from './canonical-json';

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

/** Hashed content whose data and metadata are already in canonical (JCS) form, as appends have them. */
export interface CanonicalContent extends HashedContent {
  dataJson: string;
  metadataJson: string;
}

/** How adapters hash events; replaceable only to measure what hashing costs. */
export type EventHasher = (event: CanonicalContent) => string;

/**
 * sha256 (hex) of the previous hash (empty for revision 0) followed by the RFC 8785 (JCS) form of
 * `{eventId, streamId, revision, type, schemaVersion, data, metadata}`. JCS makes the hash independent
 * of key order and number formatting, so it survives any JSON store and any language recomputing it.
 */
export function computeEventHash(event: HashedContent): string {
  return hashCanonical(event, canonicalJson(event.data), canonicalJson(event.metadata));
}

/** The append path's hasher: the same hash, reusing the canonical JSON that is also what gets stored. */
export const hashCanonicalContent: EventHasher = (event) => hashCanonical(event, event.dataJson, event.metadataJson);

function hashCanonical(event: HashedContent, dataJson: string | undefined, metadataJson: string | undefined): string {
  // The JCS form of the content object, members in JCS key order (data, eventId, metadata, revision,
  // schemaVersion, streamId, type); a member without a JSON value is left out, as JCS does.
  const members = [
    dataJson === undefined ? undefined : `"data":${dataJson}`,
    `"eventId":${canonicalJson(event.eventId)}`,
    metadataJson === undefined ? undefined : `"metadata":${metadataJson}`,
    `"revision":${canonicalJson(event.revision)}`,
    `"schemaVersion":${canonicalJson(event.schemaVersion)}`,
    `"streamId":${canonicalJson(event.streamId)}`,
    `"type":${canonicalJson(event.type)}`,
  ].filter((m) => m !== undefined);
  return createHash('sha256')
    .update(event.previousHash ?? '')
    .update(`{${members.join(',')}}`)
    .digest('hex');
}
