import type { Snapshot, SnapshotStore } from './snapshot-store.port';

/** Process-local snapshots: enough for the embedded mode (lost on restart, which is harmless) and for tests. */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, string>();

  async load(streamId: string): Promise<Snapshot | undefined> {
    const raw = this.snapshots.get(streamId);
    return raw === undefined ? undefined : (JSON.parse(raw) as Snapshot);
  }

  async save(snapshot: Snapshot): Promise<void> {
    const existing = await this.load(snapshot.streamId);
    if (existing && existing.stateVersion === snapshot.stateVersion && existing.revision > snapshot.revision) return;
    // Stored as JSON so a caller mutating its state object cannot alter the snapshot.
    this.snapshots.set(snapshot.streamId, JSON.stringify(snapshot));
  }

  async delete(streamId: string): Promise<void> {
    this.snapshots.delete(streamId);
  }

  get size(): number {
    return this.snapshots.size;
  }
}
