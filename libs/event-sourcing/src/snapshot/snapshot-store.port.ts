/** The state of one stream folded up to and including `revision`. */
export interface Snapshot<TState = unknown> {
  streamId: string;
  /** Revision of the last event folded into `state`. */
  revision: number;
  /** Version of the state's shape; a snapshot of another version is ignored, never migrated. */
  stateVersion: number;
  state: TState;
  /** ISO 8601 instant the snapshot was taken. */
  takenAt: string;
}

/**
 * Where snapshots are kept. A snapshot is only ever a shortcut: losing, corrupting or ignoring one must
 * never change a decision, so adapters may be lossy (and may be dropped at any time).
 */
export interface SnapshotStore {
  load(streamId: string): Promise<Snapshot | undefined>;
  /** Keeps the newest snapshot per stream; an older revision than the one stored is ignored. */
  save(snapshot: Snapshot): Promise<void>;
  delete(streamId: string): Promise<void>;
}
