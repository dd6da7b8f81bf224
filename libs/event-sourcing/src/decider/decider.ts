import type { Actor } from '../envelope';

/** An event as the domain sees it: a type and its data, without any storage envelope. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** What a decision may know besides the command and the state: who asks, and when. */
export interface DecisionContext {
  /** The instant of the decision; the same value is stamped as `occurredAt` on the resulting events. */
  readonly now: Date;
  readonly actor: Actor;
  readonly correlationId: string;
}

/**
 * The pure core of an aggregate. `decide` answers a command with the events it causes (none, one or
 * several) or throws a `DomainError`; `evolve` folds one event into the state. Neither does I/O.
 */
export interface Decider<TCommand, TState, TEvent extends DomainEvent> {
  initialState(): TState;
  decide(command: TCommand, state: TState, context: DecisionContext): TEvent | readonly TEvent[];
  evolve(state: TState, event: TEvent): TState;
}

/** Identity helper that lets TypeScript infer the decider's three types from its functions. */
export function defineDecider<TCommand, TState, TEvent extends DomainEvent>(
  decider: Decider<TCommand, TState, TEvent>,
): Decider<TCommand, TState, TEvent> {
  return decider;
}

/** Normalises the answer of `decide` to an array. */
export function decisionEvents<TEvent>(decided: TEvent | readonly TEvent[]): TEvent[] {
  return Array.isArray(decided) ? [...(decided as readonly TEvent[])] : [decided as TEvent];
}

/** Folds events into a state with the decider's `evolve`. */
export function foldEvents<TState, TEvent extends DomainEvent>(
  decider: Pick<Decider<unknown, TState, TEvent>, 'evolve'>,
  state: TState,
  events: Iterable<TEvent>,
): TState {
  let s = state;
  for (const e of events) s = decider.evolve(s, e);
  return s;
}
