import { DomainError } from '../../domain-error';
import { UNSTORABLE_REASONS, type UnstorableText } from '../../storable-text/unstorable-text';

/**
 * An append carries text no projection and no PostgreSQL `text`/`jsonb` column can hold (a NUL character,
 * an unpaired surrogate) in its stream id, type, data or metadata: nothing is written. `field` names the
 * place inside the event (`data.reason`, `metadata.actor.subject`); the HTTP edge answers 422.
 */
export class UnstorableEventError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly eventType: string,
    readonly where: UnstorableText,
  ) {
    super(
      'UNSTORABLE_VALUE',
      `Event ${JSON.stringify(eventType)} of stream ${JSON.stringify(streamId)} cannot be stored: ${where.key ? 'the member name ' : ''}${where.path} ${UNSTORABLE_REASONS[where.reason]}`,
      422,
      where.path,
      { reason: where.reason },
    );
  }
}

export function isUnstorableEvent(e: unknown): e is UnstorableEventError {
  return e instanceof UnstorableEventError || (e as { code?: unknown } | null)?.code === 'UNSTORABLE_VALUE';
}
