import { v7 } from 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new event id: UUID v7, so ids sort roughly by creation time and index well. */
export function newEventId(): string {
  return v7();
}

/** Lower-cased form of a UUID, or an error: every adapter stores and hashes this form. */
export function normalizeEventId(id: string): string {
  if (!UUID.test(id)) throw new TypeError(`Event id must be a UUID, got ${JSON.stringify(id)}`);
  return id.toLowerCase();
}
