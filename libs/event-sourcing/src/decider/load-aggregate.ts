import type { EventStore } from '../event-store.port';
import type { SnapshotOptions } from '../snapshot/snapshot-options';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import type { Decider, DomainEvent } from './decider';

/** The state of one stream as loaded for a decision. */
export interface LoadedAggregate<TState> {
  state: TState;
  /** Revision of the last event folded in, -1 when the stream does not exist. */
  revision: number;
  /** Revision of the snapshot the load started from, if one was used. */
  snapshotRevision?: number;
  /** Events read from the store (after the snapshot). */
  eventsRead: number;
}

export interface LoadAggregateDeps<TState, TEvent extends DomainEvent> {
  store: EventStore;
  decider: Pick<Decider<unknown, TState, TEvent>, 'initialState' | 'evolve'>;
  upcasters: UpcasterRegistry;
  snapshots?: SnapshotOptions<TState>;
}

/** Folds a stream into state, starting from a usable snapshot when there is one. */
export async function loadAggregate<TState, TEvent extends DomainEvent>(
  deps: LoadAggregateDeps<TState, TEvent>,
  streamId: string,
): Promise<LoadedAggregate<TState>> {
  const { store, decider, upcasters, snapshots } = deps;
  const start = await startingPoint(deps, streamId);
  let state = start.state;
  let revision = start.revision;
  const events = await store.readStream(streamId, { fromRevision: revision + 1 });
  for (const recorded of events) {
    const e = upcasters.upcast(recorded);
    state = decider.evolve(state, { type: e.type, data: e.data } as TEvent);
    revision = recorded.revision;
  }
  if (start.snapshotRevision !== undefined && events.length === 0 && revision === start.snapshotRevision) {
    // A snapshot ahead of the stream (e.g. the store was reset) must not be trusted.
    const actual = await store.streamRevision(streamId);
    if (actual < revision) {
      snapshots?.onError?.(new Error(`Snapshot at revision ${revision} is ahead of the stream (${actual})`), streamId);
      return loadAggregate({ store, decider, upcasters }, streamId);
    }
  }
  return { state, revision, snapshotRevision: start.snapshotRevision, eventsRead: events.length };
}

async function startingPoint<TState, TEvent extends DomainEvent>(
  { decider, snapshots }: LoadAggregateDeps<TState, TEvent>,
  streamId: string,
): Promise<{ state: TState; revision: number; snapshotRevision?: number }> {
  const initial = { state: decider.initialState(), revision: -1 };
  if (!snapshots) return initial;
  try {
    const snapshot = await snapshots.store.load(streamId);
    if (!snapshot || snapshot.stateVersion !== snapshots.stateVersion) return initial;
    const state = snapshots.deserialize ? snapshots.deserialize(snapshot.state) : (snapshot.state as TState);
    return { state, revision: snapshot.revision, snapshotRevision: snapshot.revision };
  } catch (error) {
    snapshots.onError?.(error, streamId);
    return initial;
  }
}
