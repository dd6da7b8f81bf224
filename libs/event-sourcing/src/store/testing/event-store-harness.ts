import type { EventStore } from '../../event-store.port';

/** What the contract suite needs from an adapter's test setup. */
export interface EventStoreHarness {
  /** Opens a store over the same durable backing every time (reopening simulates a restart). */
  open(): Promise<EventStore>;
  /** Overwrites one stored event's data behind the store's back, as an attacker with database access could. */
  tamper?(eventId: string, data: unknown): Promise<void>;
  /** Removes what the harness created (database, folder). */
  dispose(): Promise<void>;
}

/** Differences between adapters that the contract allows, declared up front. */
export interface ContractCapabilities {
  /** Positions are 1, 2, 3... with no holes (KurrentDB positions are log offsets). */
  densePositions: boolean;
  /** An id already stored in another stream is rejected (KurrentDB only checks within a stream). */
  detectsForeignEventIds: boolean;
}

/** Shared state of one contract run: the open store and the run's unique stream prefix. */
export interface ContractContext {
  harness: EventStoreHarness;
  store: EventStore;
  /** Every stream of the run starts with this, so runs on a shared server never see each other. */
  prefix: string;
  capabilities: ContractCapabilities;
}
