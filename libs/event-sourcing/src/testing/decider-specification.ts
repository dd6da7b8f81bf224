import { deepStrictEqual, fail } from 'node:assert/strict';
import { decisionEvents, foldEvents, type Decider, type DecisionContext, type DomainEvent } from '../decider/decider';
import { describeErrorExpectation as describe, errorMatches as matches, type ErrorExpectation } from './error-expectation';

/** The context a specification decides with unless `when` is given another. */
export const SPEC_CONTEXT: DecisionContext = Object.freeze({
  now: new Date('2026-01-01T00:00:00.000Z'),
  actor: Object.freeze({ subject: 'spec-user', role: 'alliance-admin' }),
  correlationId: 'spec-correlation',
});

export interface DeciderThen<TEvent extends DomainEvent, TState> {
  /** The command produced exactly these events, in order. */
  then(expected: TEvent | readonly TEvent[]): void;
  /** The command was accepted but changed nothing. */
  thenNothingHappened(): void;
  /** The command was rejected with this error. */
  thenThrows(expected: ErrorExpectation): void;
  /** The state after given + produced events satisfies the assertion. */
  thenState(assert: (state: TState) => void): void;
}

export interface DeciderWhen<TCommand, TEvent extends DomainEvent, TState> {
  when(command: TCommand, context?: Partial<DecisionContext>): DeciderThen<TEvent, TState>;
}

export interface DeciderSpecification<TCommand, TState, TEvent extends DomainEvent> {
  given(events?: readonly TEvent[]): DeciderWhen<TCommand, TEvent, TState>;
}

/**
 * Given events / when command / then events or error, for a pure decider:
 *
 * ```ts
 * const spec = deciderSpecification(definitionDecider);
 * spec.given([drafted]).when(approve).then([approved]);
 * spec.given([]).when(approve).thenThrows('DEFINITION_NOT_FOUND');
 * ```
 */
export function deciderSpecification<TCommand, TState, TEvent extends DomainEvent>(
  decider: Decider<TCommand, TState, TEvent>,
): DeciderSpecification<TCommand, TState, TEvent> {
  return {
    given: (given = []) => ({
      when: (command, context) => {
        const ctx = { ...SPEC_CONTEXT, ...context };
        const run = (): { state: TState; events: TEvent[] } => {
          const state = foldEvents(decider, decider.initialState(), given);
          return { state, events: decisionEvents(decider.decide(command, state, ctx)) };
        };
        return {
          then(expected) {
            deepStrictEqual(run().events, decisionEvents(expected));
          },
          thenNothingHappened() {
            deepStrictEqual(run().events, []);
          },
          thenThrows(expected) {
            let produced: TEvent[];
            try {
              produced = run().events;
            } catch (error) {
              if (!matches(error, expected)) {
                fail(`Expected an error matching ${describe(expected)}, got: ${String((error as Error)?.stack ?? error)}`);
              }
              return;
            }
            fail(`Expected an error matching ${describe(expected)}, but the command produced ${JSON.stringify(produced)}`);
          },
          thenState(assert) {
            const { state, events } = run();
            assert(foldEvents(decider, state, events));
          },
        };
      },
    }),
  };
}
