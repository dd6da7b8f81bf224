import { DomainError } from '../../domain-error';

/**
 * Some event ids of an append are already stored, but not as exactly this append (same stream, same
 * consecutive revisions, all of them): re-appending them would be neither a no-op nor a new fact.
 */
export class EventIdConflictError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
    reason: string,
  ) {
    super('EVENT_ID_CONFLICT', `Stream ${streamId}: event ids already stored (${eventIds.join(', ')}): ${reason}`, 409, undefined, {
      streamId,
      eventIds,
    });
  }
}

export function isEventIdConflict(e: unknown): e is EventIdConflictError {
  return e instanceof EventIdConflictError || (e as { code?: unknown } | null)?.code === 'EVENT_ID_CONFLICT';
}
