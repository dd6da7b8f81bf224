import { p } from '@mikro-orm/core';
import type { NewEvent } from '../../envelope';
import type { EventStore } from '../../event-store.port';
import { ANY_REVISION } from '../../expected-revision';
import { defineProjection, type ProjectionHandler } from '../../projection/projection';
import { readModelTable } from '../../read-model/versioned-read-model';
import { InMemoryEventStore } from '../in-memory-event-store';

// Deliberately NOT idempotent: each application increments a counter, so any event handled twice
// (lost checkpoint, two runners, crash between handler and checkpoint) shows up as applications = 2.

export const AppliedEventRows = readModelTable('demo_applied_events', () => ({
  eventId: p.string().primary(),
  position: p.bigint('number'),
  applications: p.integer(),
}));

export const appliedEventsProjection = defineProjection({
  name: 'demo.applied-events',
  version: 1,
  readModels: [AppliedEventRows],
  handlers: {
    'demo.tick': async (e, { em, table }) => {
      await em.execute(
        `insert into ${table(AppliedEventRows)} (event_id, position, applications) values (?, ?, 1)
         on conflict (event_id) do update set applications = ${table(AppliedEventRows)}.applications + 1`,
        [e.eventId, e.position],
        'run',
      );
    },
  },
});

/**
 * The applied-events projection at `version` whose tick handler is `around`: it gets the tick's number and
 * `apply`, the plain application, so a spec can fail, slow down or count around it.
 */
export function appliedEventsProjectionAround(version: number, around: (n: number, apply: () => Promise<void>) => Promise<void>) {
  const applyTick: ProjectionHandler = (e, ctx) =>
    around((e.data as { n: number }).n, async () => {
      await appliedEventsProjection.handlers['demo.tick'](e, ctx);
    });
  return defineProjection({ ...appliedEventsProjection, version, handlers: { 'demo.tick': applyTick } });
}

export const TICK_METADATA = { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 's' }, correlationId: 'c' };

/** The event the applied-events projection handles, numbered `n`. */
export const tick = (n: number): NewEvent => ({ type: 'demo.tick', data: { n }, metadata: TICK_METADATA });

/** Appends the ticks numbered `from` to `from + count - 1` to the clock stream, one append each. */
export async function appendTicks(store: EventStore, count: number, from = 0): Promise<void> {
  for (let i = from; i < from + count; i++) await store.appendToStream('demo.clock-1', [tick(i)], { expectedRevision: ANY_REVISION });
}

/** An in-memory event store double holding the ticks numbered 0 to `count - 1`. */
export async function storeWithTicks(count: number): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  await appendTicks(store, count);
  return store;
}
