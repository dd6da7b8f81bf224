/** Why a link of the hash chain does not hold. */
export type ChainBreakReason =
  /** The event's stored hash is not the hash of its content and previous hash: its content changed. */
  | 'hash-mismatch'
  /** The event's previous hash is not the hash of the event before it in its stream. */
  | 'previous-hash-mismatch'
  /** The event's revision does not follow the one before it in its stream (an event is missing or moved). */
  | 'revision-gap';

/** The first link of the chain that does not hold. */
export interface ChainBreak {
  streamId: string;
  revision: number;
  position: number;
  eventId: string;
  /** What the verifier computed (or expected as the previous hash). */
  expectedHash: string;
  /** What the store holds. */
  foundHash: string;
  reason: ChainBreakReason;
}
