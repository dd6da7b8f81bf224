/**
 * Where an outbox relay remembers the last store position it published. Written only after the bus
 * accepted everything up to that position, so a crash in between republishes and never skips.
 */
export interface CheckpointStore {
  /** 0 when the relay never checkpointed: it starts from the beginning of the store. */
  load(relay: string): Promise<number>;
  save(relay: string, position: number): Promise<void>;
  close(): Promise<void>;
}

/** For tests and for a throw-away embedded run. */
export class InMemoryCheckpointStore implements CheckpointStore {
  readonly positions = new Map<string, number>();

  async load(relay: string): Promise<number> {
    return this.positions.get(relay) ?? 0;
  }

  async save(relay: string, position: number): Promise<void> {
    this.positions.set(relay, position);
  }

  async close(): Promise<void> {}
}
