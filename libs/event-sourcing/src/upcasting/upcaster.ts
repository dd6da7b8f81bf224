import type { RecordedEvent } from '../envelope';

/**
 * Turns the data of one event type from `fromVersion` into `fromVersion + 1`.
 * Must be pure: it runs on every read of an old event, in deciders and projections alike.
 */
export type UpcastFn<TFrom = unknown, TTo = unknown> = {
  // Method syntax: a step typed for its own payload still fits the registry's list.
  upcast(data: TFrom, event: RecordedEvent<TFrom>): TTo;
}['upcast'];

/** One registered step of an event type's schema history. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast: UpcastFn;
}
