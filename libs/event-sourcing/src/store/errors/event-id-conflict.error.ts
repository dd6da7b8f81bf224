/**
 * Some event ids of an append are already stored, but not as exactly this append (same stream, same
 * consecutive revisions, all of them): re-appending them would be neither a no-op nor a new fact.
 * Like {@link WrongExpectedRevisionError} it is a write conflict, not a broken rule: a context that gives it
 * a meaning (assessment's reused result ids) translates it; otherwise the HTTP edge answers 409 `concurrency-conflict`.
 */
export class EventIdConflictError extends Error {
  readonly code = 'EVENT_ID_CONFLICT';
  readonly status = 409;

  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
    reason: string,
  ) {
    super(`Stream ${streamId}: event ids already stored (${eventIds.join(', ')}): ${reason}`);
    this.name = 'EventIdConflictError';
  }
}

export function isEventIdConflict(e: unknown): e is EventIdConflictError {
  return e instanceof EventIdConflictError || (e as { code?: unknown } | null)?.code === 'EVENT_ID_CONFLICT';
}
