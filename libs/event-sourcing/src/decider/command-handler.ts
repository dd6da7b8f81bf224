import { v7 as uuidv7 } from 'uuid';
import type { NewEvent } from '../envelope';
import type { EventStore } from '../event-store.port';
import { NO_STREAM, type ExpectedRevision } from '../expected-revision';
import type { SnapshotOptions } from '../snapshot/snapshot-options';
import { snapshotDue } from '../snapshot/snapshot-options';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { decisionEvents, type Decider, type DomainEvent } from './decider';
import { decisionInstant, metadataFor, type CommandContext } from './command-context';
import { isRevisionConflict, revisionConflict } from './revision-conflict';
import { loadAggregate, type LoadedAggregate } from './load-aggregate';

/** How a command handler is wired for one aggregate type. */
export interface CommandHandlerOptions<TCommand, TState, TEvent extends DomainEvent> {
  store: EventStore;
  decider: Decider<TCommand, TState, TEvent>;
  /** Brings old stored events to the current shape and gives the schema version of new ones. */
  upcasters?: UpcasterRegistry;
  /** Optional: snapshots only shorten loading, they never decide anything. */
  snapshots?: SnapshotOptions<TState>;
  /** Attempts in total when another writer got in between load and append (default 3). */
  maxAttempts?: number;
  /** Wait before attempt n (1-based retry count); default a few ms with jitter. */
  backoff?: (retry: number) => number;
  clock?: () => Date;
  /**
   * Id of each new event (default UUID v7). Deriving it from the event's content makes the store refuse a second
   * event with the same identity in any stream (the embedded and PostgreSQL stores check ids across streams).
   */
  newEventId?: (event: TEvent) => string;
}

/** Per-call options. */
export interface HandleOptions {
  /**
   * The revision the caller saw (e.g. from an `If-Match` header). When given, a conflict is reported
   * at once instead of retried, since the caller decided on a state that no longer exists.
   */
  expectedRevision?: number;
}

/** What handling a command did. */
export interface CommandResult<TState, TEvent extends DomainEvent> {
  streamId: string;
  /** The events appended, with the ids and metadata they were stored with (empty when nothing changed). */
  events: (NewEvent<TEvent['data']> & { eventId: string; type: TEvent['type'] })[];
  /** Stream revision after the command (-1: the stream still does not exist). */
  nextRevision: number;
  /** Global position of the last appended event; undefined when nothing was appended. */
  lastPosition?: number;
  /** The state after the command. */
  state: TState;
  /** Attempts used (1 = no conflict). */
  attempts: number;
}

/** Loads, decides and appends commands for one aggregate type. */
export interface CommandHandler<TCommand, TState, TEvent extends DomainEvent> {
  handle(streamId: string, command: TCommand, context: CommandContext, options?: HandleOptions): Promise<CommandResult<TState, TEvent>>;
  /** Current state of a stream (from a snapshot when one is usable, plus the newer events). */
  load(streamId: string): Promise<LoadedAggregate<TState>>;
  /** Decides on the stored state without appending: the events `handle` would append now, or its refusal. */
  decide(streamId: string, command: TCommand, context: CommandContext): Promise<{ state: TState; events: TEvent[] }>;
}

const defaultBackoff = (retry: number): number => Math.floor(Math.random() * 5 * retry);

/**
 * Builds the handler: load state, `decide`, append with the revision the decision was based on, and on a
 * revision conflict (only then) reload and decide again, at most `maxAttempts` times.
 */
export function createCommandHandler<TCommand, TState, TEvent extends DomainEvent>(
  options: CommandHandlerOptions<TCommand, TState, TEvent>,
): CommandHandler<TCommand, TState, TEvent> {
  const { store, decider, snapshots } = options;
  const upcasters = options.upcasters ?? new UpcasterRegistry();
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const backoff = options.backoff ?? defaultBackoff;
  const clock = options.clock ?? (() => new Date());
  const newEventId: (event: TEvent) => string = options.newEventId ?? (() => uuidv7());

  const load = (streamId: string) => loadAggregate({ store, decider, upcasters, snapshots }, streamId);
  const decideOn = (state: TState, command: TCommand, context: CommandContext, now: Date): TEvent[] =>
    decisionEvents(decider.decide(command, state, { now, actor: context.actor, correlationId: context.correlationId }));

  async function attempt(
    streamId: string,
    command: TCommand,
    context: CommandContext,
    stated: number | undefined,
    attempts: number,
  ): Promise<CommandResult<TState, TEvent>> {
    const loaded = await load(streamId);
    if (stated !== undefined && stated !== loaded.revision) {
      throw revisionConflict(streamId, stated, loaded.revision);
    }
    const now = decisionInstant(context, clock);
    const decided = decideOn(loaded.state, command, context, now);
    if (decided.length === 0) {
      return { streamId, events: [], nextRevision: loaded.revision, state: loaded.state, attempts };
    }
    const metadata = metadataFor(context, now);
    const events = decided.map((e) => ({
      eventId: newEventId(e),
      type: e.type,
      schemaVersion: upcasters.currentVersion(e.type),
      data: e.data,
      metadata: { ...metadata, actor: { ...metadata.actor } },
    }));
    const expectedRevision: ExpectedRevision = loaded.revision < 0 ? NO_STREAM : loaded.revision;
    const appended = await store.appendToStream(streamId, events, { expectedRevision });
    let state = loaded.state;
    for (const e of decided) state = decider.evolve(state, e);
    if (snapshots && snapshotDue(snapshots.every, loaded.snapshotRevision, appended.nextRevision)) {
      await saveSnapshot(snapshots, streamId, appended.nextRevision, state, clock());
    }
    return {
      streamId,
      events,
      nextRevision: appended.nextRevision,
      lastPosition: appended.lastPosition,
      state,
      attempts,
    };
  }

  return {
    load,
    async decide(streamId, command, context) {
      const { state } = await load(streamId);
      return { state, events: decideOn(state, command, context, decisionInstant(context, clock)) };
    },
    async handle(streamId, command, context, handleOptions) {
      const stated = handleOptions?.expectedRevision;
      for (let n = 1; ; n++) {
        try {
          return await attempt(streamId, command, context, stated, n);
        } catch (error) {
          if (!isRevisionConflict(error) || stated !== undefined || n >= maxAttempts) throw error;
          const wait = backoff(n);
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
      }
    },
  };
}

async function saveSnapshot<TState>(
  snapshots: SnapshotOptions<TState>,
  streamId: string,
  revision: number,
  state: TState,
  now: Date,
): Promise<void> {
  try {
    await snapshots.store.save({
      streamId,
      revision,
      stateVersion: snapshots.stateVersion,
      state: snapshots.serialize ? snapshots.serialize(state) : state,
      takenAt: now.toISOString(),
    });
  } catch (error) {
    snapshots.onError?.(error, streamId);
  }
}
