import type { SnapshotStore } from './snapshot-store.port';

/** Snapshot policy of one aggregate type. */
export interface SnapshotOptions<TState> {
  store: SnapshotStore;
  /** Take a snapshot once at least this many events were appended since the last one. */
  every: number;
  /** Bump whenever the state shape or `evolve` changes: older snapshots are then ignored. */
  stateVersion: number;
  /** State to JSON-safe value; default identity (the state must then be plain JSON). */
  serialize?: (state: TState) => unknown;
  deserialize?: (raw: unknown) => TState;
  /** Told about snapshot failures, which never fail a command. */
  onError?: (error: unknown, streamId: string) => void;
}

/** Is it time for a new snapshot after a stream reached `revision`? */
export function snapshotDue(every: number, lastSnapshotRevision: number | undefined, revision: number): boolean {
  if (every < 1) return false;
  return revision - (lastSnapshotRevision ?? -1) >= every;
}
