/** Who caused an event: the authenticated subject, their role and institution. */
export interface Actor {
  subject: string;
  role?: string;
  institution?: string;
}

/** Metadata every stored event carries. */
export interface EventMetadata {
  /** ISO 8601 instant at which the fact happened. */
  occurredAt: string;
  actor: Actor;
  correlationId: string;
  causationId?: string;
  /** Institution on whose behalf the event was recorded (also in actor, kept flat for filtering). */
  institution?: string;
}

/** An event as a caller proposes it for appending. */
export interface NewEvent<TData = unknown> {
  /** UUID v7; generated when absent. Re-appending the same id is a no-op. */
  eventId?: string;
  type: string;
  schemaVersion?: number;
  data: TData;
  metadata: EventMetadata;
}

/** An event as stored: the envelope of ARCHITECTURE.md. */
export interface RecordedEvent<TData = unknown> {
  eventId: string;
  streamId: string;
  /** 0-based revision inside its stream. */
  revision: number;
  /** 1-based global position across the whole store; gap-free for readers in commit order. */
  position: number;
  type: string;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
  /** Hash of the previous event of the same stream, null for revision 0. */
  previousHash: string | null;
  /** sha256 (hex) over previousHash and the RFC 8785 canonical form of the event content. */
  hash: string;
}
