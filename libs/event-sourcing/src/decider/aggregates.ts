import type { RecordedEvent } from '../envelope';
import type { EventStore } from '../event-store.port';
import type { CommandContext } from './command-context';
import {
  type CommandHandler,
  type CommandHandlerOptions,
  type CommandResult,
  createCommandHandler,
  type HandleOptions,
} from './command-handler';
import type { Decider, DomainEvent } from './decider';
import type { LoadedAggregate } from './load-aggregate';
import { streamFolding, type StreamFolding } from './stream-folder';
import { streamName, streamPrefix } from './stream-name';

/**
 * One aggregate type of a context, declared as data: its decider and, when its key is not its id, how the key
 * becomes the id in its stream name. The remaining fields tune the kernel's command handler for it.
 */
export interface AggregateDefinition<TKey, TCommand, TState, TEvent extends DomainEvent> extends Omit<
  CommandHandlerOptions<TCommand, TState, TEvent>,
  'store' | 'decider' | 'clock'
> {
  decider: Decider<TCommand, TState, TEvent>;
  /** The id part of the stream name, from the aggregate's key (default: the key is the id). */
  id?: (key: TKey) => string;
  /** Turns an error of `handle` into the one the context answers with (for example a reused event id). */
  refusal?: (error: unknown, command: TCommand) => unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDefinition = AggregateDefinition<any, any, any, any>;

type KeyOf<D> = D extends { id: (key: infer K) => string } ? K : string;
type CommandOf<D> = D extends { decider: Decider<infer C, infer _S, infer _E> } ? C : never;
type StateOf<D> = D extends { decider: Decider<infer _C, infer S, infer _E> } ? S : never;
type EventOf<D> = D extends { decider: Decider<infer _C, infer _S, infer E extends DomainEvent> } ? E : never;

/** What handling a command did, with the decided events as the domain sees them. */
export interface AggregateResult<TState, TEvent extends DomainEvent> extends Omit<CommandResult<TState, TEvent>, 'events'> {
  /** The events appended, as the decider decided them (type and data). */
  events: TEvent[];
  /** The same events with the ids and metadata they were stored with. */
  recorded: CommandResult<TState, TEvent>['events'];
}

/** Typed access to one aggregate type: `aggregates.credential.handle(id, command, context)`. */
export interface Aggregate<TKey, TCommand, TState, TEvent extends DomainEvent> {
  /** The stream of one instance. */
  stream(key: TKey): string;
  /** Current state and revision. */
  load(key: TKey): Promise<LoadedAggregate<TState>>;
  /** Current state. */
  state(key: TKey): Promise<TState>;
  /** Loads, decides, appends (retrying on a concurrent writer), then runs the context's `afterAppend`. */
  handle(key: TKey, command: TCommand, context: CommandContext, options?: HandleOptions): Promise<AggregateResult<TState, TEvent>>;
  /** Decides on the stored state without appending: the events `handle` would append now, or its refusal. */
  decide(key: TKey, command: TCommand, context: CommandContext): Promise<{ state: TState; events: TEvent[] }>;
  /** The stream as stored (envelopes, hashes), oldest first. */
  history(key: TKey): Promise<RecordedEvent[]>;
  /** The stream's events as the domain sees them (type and data), oldest first. */
  events(key: TKey): Promise<TEvent[]>;
}

export type Aggregates<D extends Record<string, AnyDefinition>> = {
  readonly [N in keyof D]: Aggregate<KeyOf<D[N]>, CommandOf<D[N]>, StateOf<D[N]>, EventOf<D[N]>>;
};

/** How a context opens its aggregates on a store. */
export interface OpenAggregatesOptions {
  /** The clock deciders see when a command names no instant. */
  clock?: () => Date;
  /** Runs after every append with its last global position: a context's read-your-writes wait. */
  afterAppend?: (lastPosition: number) => Promise<void>;
}

/** A context's aggregates as data: stream names, prefixes, auditor folding, and typed handlers once opened. */
export interface AggregatesDeclaration<D extends Record<string, AnyDefinition>> {
  readonly context: string;
  readonly definitions: D;
  /** Stream name of one instance, per aggregate type: `<context>.<aggregate-type>-<id>`. */
  readonly stream: { readonly [N in keyof D]: (key: KeyOf<D[N]>) => string };
  /** The prefix all streams of one aggregate type share (for subscriptions and projections). */
  readonly prefix: { readonly [N in keyof D]: string };
  /** How each aggregate type folds for an auditor's point-in-time state, with its own decider. */
  readonly foldings: StreamFolding[];
  /** The typed handlers over a store. */
  open(store: EventStore, options?: OpenAggregatesOptions): Aggregates<D>;
}

/** `credentialSpec` → `credential-spec`: the aggregate part of a stream name. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Declares the aggregates of one context. Stream names follow one rule, `<context>.<aggregate-type>-<id>`, with the
 * type from the declared name in kebab case (`knownSpec` → `issuance.known-spec-<id>`).
 */
export function defineAggregates<D extends Record<string, AnyDefinition>>(context: string, definitions: D): AggregatesDeclaration<D> {
  const names = Object.keys(definitions) as (keyof D & string)[];
  const stream = {} as Record<string, (key: unknown) => string>;
  const prefix = {} as Record<string, string>;
  for (const name of names) {
    const def = definitions[name];
    const type = kebab(name);
    stream[name] = (key: unknown) => streamName(context, type, def.id ? def.id(key) : (key as string));
    prefix[name] = streamPrefix(context, type);
  }
  return {
    context,
    definitions,
    stream: stream as AggregatesDeclaration<D>['stream'],
    prefix: prefix as AggregatesDeclaration<D>['prefix'],
    foldings: names.map((name) => streamFolding(prefix[name], definitions[name].decider)),
    open(store, options = {}) {
      const opened = {} as Record<string, unknown>;
      for (const name of names) opened[name] = openAggregate(store, definitions[name], stream[name], options);
      return opened as Aggregates<D>;
    },
  };
}

/** A stored or appended event as its decider decided it: type and data only. */
const asDecided = <E extends DomainEvent>(e: { type: string; data: unknown }): E => ({ type: e.type, data: e.data }) as E;

function openAggregate<K, C, S, E extends DomainEvent>(
  store: EventStore,
  definition: AggregateDefinition<K, C, S, E>,
  stream: (key: K) => string,
  options: OpenAggregatesOptions,
): Aggregate<K, C, S, E> {
  const { decider, refusal, id: _id, ...tuning } = definition;
  const handler: CommandHandler<C, S, E> = createCommandHandler({ ...tuning, store, decider, clock: options.clock });
  return {
    stream,
    load: (key) => handler.load(stream(key)),
    state: async (key) => (await handler.load(stream(key))).state,
    async handle(key, command, context, handleOptions) {
      let result: CommandResult<S, E>;
      try {
        result = await handler.handle(stream(key), command, context, handleOptions);
      } catch (error) {
        throw refusal ? refusal(error, command) : error;
      }
      if (result.lastPosition !== undefined && options.afterAppend) await options.afterAppend(result.lastPosition);
      const { events, ...rest } = result;
      return { ...rest, events: events.map((e) => asDecided<E>(e)), recorded: events };
    },
    decide: (key, command, context) => handler.decide(stream(key), command, context),
    history: (key) => store.readStream(stream(key)),
    events: async (key) => (await store.readStream(stream(key))).map((e) => asDecided<E>(e)),
  };
}

/** A class whose instances are the declaration's opened aggregates: what a context injects by its class. */
export type AggregatesClass<D extends Record<string, AnyDefinition>> = new (
  store: EventStore,
  options?: OpenAggregatesOptions,
) => Aggregates<D>;

/**
 * The base class of a context's injectable aggregates (`class CatalogueAggregates extends aggregatesClass(...)`):
 * the subclass only says, through its constructor, which store, clock and read-your-writes wait it gets.
 */
export function aggregatesClass<D extends Record<string, AnyDefinition>>(declaration: AggregatesDeclaration<D>): AggregatesClass<D> {
  class OpenedAggregates {
    constructor(store: EventStore, options?: OpenAggregatesOptions) {
      Object.assign(this, declaration.open(store, options));
    }
  }
  return OpenedAggregates as unknown as AggregatesClass<D>;
}
