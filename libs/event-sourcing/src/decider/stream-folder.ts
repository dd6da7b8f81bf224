import type { RecordedEvent } from '../envelope';
import type { DomainEvent } from './decider';

/** How one kind of stream folds into state: what an auditor's point-in-time replay needs from a context. */
export interface StreamFolding {
  streamPrefix: string;
  initialState: () => unknown;
  evolve: (state: unknown, event: RecordedEvent) => unknown;
}

/**
 * The folding of the streams under `streamPrefix` with an aggregate's own `initialState` and `evolve`, so a
 * replayed state is exactly what its decisions saw.
 */
export function streamFolding<TState, TEvent extends DomainEvent>(
  streamPrefix: string,
  aggregate: { initialState(): TState; evolve(state: TState, event: TEvent): TState },
): StreamFolding {
  return {
    streamPrefix,
    initialState: () => aggregate.initialState(),
    evolve: (state, e) => aggregate.evolve(state as TState, { type: e.type, data: e.data } as TEvent),
  };
}
