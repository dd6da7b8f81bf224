import type { Actor, EventMetadata } from '../envelope';

/**
 * Who issues a command and in which causal chain. A base command that carries these fields can be passed
 * as its own context.
 */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /** Id of the message (command, event, request) that caused this one; defaults to `commandId`. */
  causationId?: string;
  /** Id of the command itself, when the caller has one. */
  commandId?: string;
  /** Instant of the decision; defaults to the handler's clock. Set it to replay imports faithfully. */
  occurredAt?: Date | string;
}

/** Builds the metadata stamped on every event a command produces. */
export function metadataFor(context: CommandContext, now: Date): EventMetadata {
  const { actor } = context;
  if (!actor?.subject) throw new TypeError('A command context needs an actor with a subject');
  if (!context.correlationId) throw new TypeError('A command context needs a correlation id');
  const metadata: EventMetadata = {
    occurredAt: now.toISOString(),
    actor: { ...actor },
    correlationId: context.correlationId,
  };
  const causationId = context.causationId ?? context.commandId;
  if (causationId) metadata.causationId = causationId;
  if (actor.institution) metadata.institution = actor.institution;
  return metadata;
}

/** The decision instant of a context: its own `occurredAt`, else the clock. */
export function decisionInstant(context: CommandContext, clock: () => Date): Date {
  if (context.occurredAt === undefined) return clock();
  const at = context.occurredAt instanceof Date ? context.occurredAt : new Date(context.occurredAt);
  if (Number.isNaN(at.getTime())) throw new TypeError(`Invalid occurredAt: ${String(context.occurredAt)}`);
  return at;
}
