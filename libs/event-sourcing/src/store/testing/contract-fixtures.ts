import { randomBytes } from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent } from '../../envelope';
import type { AllFilter, EventStore } from '../../event-store.port';
import { pollUntil } from '../../retry/poll-until';

let streamCounter = 0;

/** A fresh stream id under the run's prefix, in the `<context>.<aggregate>-<id>` shape. */
export function streamOf(prefix: string, label: string): string {
  return `${prefix}.${label}-${++streamCounter}`;
}

export function runPrefix(): string {
  return `contract${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export const METADATA: EventMetadata = {
  occurredAt: '2026-03-02T09:30:00.000Z',
  actor: { subject: 'registrar-1', role: 'registrar', institution: 'uni-a' },
  correlationId: 'corr-1',
  causationId: 'cause-1',
  institution: 'uni-a',
};

/** A new event with realistic metadata. */
export function anEvent(type: string, data: unknown, extra: Partial<NewEvent> = {}): NewEvent {
  return { type, data, metadata: METADATA, ...extra };
}

export async function collect(store: EventStore, filter: AllFilter, fromPosition = 0, batchSize?: number): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const e of store.readAll({ fromPosition, filter, batchSize })) events.push(e);
  return events;
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  await pollUntil(() => (condition() ? true : undefined), {
    timeoutMs,
    intervalMs: 10,
    timedOut: () => new Error(`Timed out waiting for ${what}`),
  });
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export function expectIncreasing(positions: number[]): void {
  for (let i = 1; i < positions.length; i++) {
    if (!(positions[i] > positions[i - 1])) throw new Error(`Positions not increasing at ${i}: ${positions[i - 1]} then ${positions[i]}`);
  }
}
