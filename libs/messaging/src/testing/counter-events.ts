import { NO_STREAM, type EventStore, type RecordedEvent } from '@alliance/event-sourcing';
import type { IntegrationMessage } from '../integration-bus.port';
import { envelopeOf } from '../relay/envelope-of';

/** A synthetic domain event for relay tests and benchmarks: the n-th increment of one counter aggregate. */
export const COUNTER_INCREMENTED = 'CounterIncremented';

export interface CounterPayload {
  seq: number;
  /** Wall clock of the append, for end-to-end latency. */
  appendedAt: number;
}

export function counterMapper(source: string) {
  return (event: RecordedEvent): IntegrationMessage<CounterPayload> | null =>
    event.type === COUNTER_INCREMENTED
      ? {
          ...envelopeOf(event),
          type: `${source}.counter.incremented`,
          version: 1,
          source,
          key: event.streamId,
          payload: event.data as CounterPayload,
        }
      : null;
}

/**
 * Appends `perAggregate` increments to each of `aggregates` counters, interleaved across counters in
 * chunks of `batch` events per append, so every partition gets traffic all along.
 */
export async function appendCounterEvents(
  store: EventStore,
  options: { aggregates: number; perAggregate: number; batch?: number; prefix?: string; pauseMs?: number },
): Promise<void> {
  const batch = options.batch ?? 10;
  for (let from = 0; from < options.perAggregate; from += batch) {
    for (let a = 0; a < options.aggregates; a++) {
      const count = Math.min(batch, options.perAggregate - from);
      const events = Array.from({ length: count }, (_, i) => ({
        type: COUNTER_INCREMENTED,
        data: { seq: from + i, appendedAt: Date.now() },
        metadata: { occurredAt: new Date().toISOString(), actor: { subject: 'load' }, correlationId: `counter-${a}` },
      }));
      await store.appendToStream(`${options.prefix ?? 'bench'}.counter-${a}`, events, {
        expectedRevision: from === 0 ? NO_STREAM : from - 1,
      });
    }
    if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
  }
}
