import { fail } from 'node:assert/strict';
import type { RecordedEvent } from '../envelope';
import type { EventStore } from '../event-store.port';
import { describeErrorExpectation, errorMatches, type ErrorExpectation } from './error-expectation';
import { partialMismatch, show } from './partial-match';

/** A process manager wired for one specification, over a log of its own. */
export interface ProcessUnderSpec<TMessage> {
  /** The log the process writes to: what it appends while it handles a message is what it emitted. */
  store: EventStore;
  /** Hands the process one message, as its consumer or subscription would. */
  handle(message: TMessage): Promise<void>;
  /**
   * The messages the process draws from its own log. Each event it appends that this maps to a message is
   * handed back to it in log order, as its subscription would, until nothing new follows.
   */
  follows?(event: RecordedEvent): TMessage | undefined;
  /** Commands the process sent so far, oldest first, when the set-up records them. */
  sentCommands?(): readonly unknown[];
  /** Brings the eventually consistent views the process consults up to its log; runs before every message. */
  settle?(): Promise<void>;
  /** How a message reads in a failure (default: its `type`, else the whole message). */
  describe?(message: TMessage): string;
}

export interface ProcessSpecificationOptions<TMessage> {
  /** Builds the process afresh for every specification. */
  setUp(): ProcessUnderSpec<TMessage> | Promise<ProcessUnderSpec<TMessage>>;
  /**
   * Hand the message under test over again, then every event it made the process follow, and fail if that
   * appends anything: a checkpointed consumer delivers again after a crash (default true). A redelivery may
   * send commands again; an idempotent receiver decides nothing on them.
   */
  redeliver?: boolean;
  /** Followed events per delivery before the spec calls it a loop (default 500). */
  maxFollowed?: number;
}

/** An event the process is expected to have appended; `data` names only the fields that matter. */
export interface ExpectedEvent {
  type: string;
  streamId?: string;
  data?: unknown;
}

/** Expected emissions, each list in order and complete; an item names only what matters (see `partialMismatch`). */
export interface ExpectedEmissions {
  events?: readonly ExpectedEvent[];
  commands?: readonly unknown[];
}

/** What the process did when the message under test arrived (with everything it followed from it). */
export interface Emitted {
  events: RecordedEvent[];
  commands: unknown[];
}

export interface ProcessThen<TMessage> {
  /** It appended exactly these events and/or sent exactly these commands, in this order. */
  then(expected: ExpectedEmissions): Promise<void>;
  /** It appended nothing (commands it sent, if any, changed nothing). */
  thenNothingHappened(): Promise<void>;
  /** Handling the message failed with this error (the consumer would deliver it again later). */
  thenThrows(expected: ErrorExpectation): Promise<void>;
  /** Free-form assertions on what it emitted and on the process's log afterwards. */
  thenEmitted(assert: (emitted: Emitted, process: ProcessUnderSpec<TMessage>) => void | Promise<void>): Promise<void>;
}

export interface ProcessSpecification<TMessage> {
  /** Messages the process has already seen, handed over in order (with what it followed from each). */
  given(messages?: readonly TMessage[]): { when(message: TMessage): ProcessThen<TMessage> };
}

/**
 * Given messages the process has seen / when one more arrives / then it appended these events and sent
 * these commands. Every spec starts from a fresh set-up and, unless told otherwise, delivers the message
 * again to prove the process idempotent:
 *
 * ```ts
 * const spec = processManagerSpecification({ setUp: () => waitlistProcess() });
 * await spec.given([joined]).when(released).then({ events: [{ type: 'demo.seat-reserved' }] });
 * ```
 */
export function processManagerSpecification<TMessage>(options: ProcessSpecificationOptions<TMessage>): ProcessSpecification<TMessage> {
  const redeliver = options.redeliver ?? true;
  const maxFollowed = options.maxFollowed ?? 500;

  return {
    given: (given = []) => ({
      when: (message) => {
        const run = async (): Promise<{ process: ProcessUnderSpec<TMessage>; emitted: Emitted }> => {
          const process = await options.setUp();
          const name = (m: TMessage) => process.describe?.(m) ?? describeMessage(m);
          for (const m of given) await deliver(process, m, maxFollowed, name);
          const head = await process.store.headPosition();
          const sentBefore = process.sentCommands?.().length ?? 0;
          const followed = await deliver(process, message, maxFollowed, name);
          const emitted = {
            events: await readAfter(process.store, head),
            commands: [...(process.sentCommands?.() ?? [])].slice(sentBefore),
          };
          if (redeliver) await deliverAgain(process, [message, ...followed], maxFollowed, name);
          return { process, emitted };
        };
        return {
          async then(expected) {
            const { emitted } = await run();
            if (expected.events) expectList('events', emitted.events.map(eventView), expected.events, eventLine);
            if (expected.commands) expectList('commands', emitted.commands, expected.commands, show);
          },
          async thenNothingHappened() {
            const { emitted } = await run();
            if (emitted.events.length > 0)
              fail(
                `Expected the process to append nothing, but it appended:\n${emitted.events.map((e, i) => `  ${i + 1}. ${eventLine(eventView(e))}`).join('\n')}`,
              );
          },
          async thenThrows(expected) {
            let emitted: Emitted;
            try {
              ({ emitted } = await run());
            } catch (error) {
              if (!errorMatches(error, expected)) {
                fail(`Expected an error matching ${describeErrorExpectation(expected)}, got: ${String((error as Error)?.stack ?? error)}`);
              }
              return;
            }
            fail(
              `Expected an error matching ${describeErrorExpectation(expected)}, but the process appended ${emitted.events.map((e) => e.type).join(', ') || 'nothing'}`,
            );
          },
          async thenEmitted(assert) {
            const { process, emitted } = await run();
            await assert(emitted, process);
          },
        };
      },
    }),
  };
}

/** Hands one message over, then follows what it appended in log order; returns the messages followed. */
async function deliver<TMessage>(
  process: ProcessUnderSpec<TMessage>,
  message: TMessage,
  maxFollowed: number,
  name: (m: TMessage) => string,
): Promise<TMessage[]> {
  let cursor = await process.store.headPosition();
  await process.settle?.();
  await process.handle(message);
  const followed: TMessage[] = [];
  for (;;) {
    const fresh = await readAfter(process.store, cursor);
    if (fresh.length === 0) return followed;
    for (const event of fresh) {
      cursor = event.position;
      const next = process.follows?.(event);
      if (next === undefined) continue;
      if (followed.length >= maxFollowed)
        fail(
          `After ${name(message)} the process followed more than ${maxFollowed} of its own events: does it react to what it emits in a loop?`,
        );
      followed.push(next);
      await process.settle?.();
      await process.handle(next);
    }
  }
}

async function deliverAgain<TMessage>(
  process: ProcessUnderSpec<TMessage>,
  messages: TMessage[],
  maxFollowed: number,
  name: (m: TMessage) => string,
): Promise<void> {
  for (const m of messages) {
    const head = await process.store.headPosition();
    try {
      await deliver(process, m, maxFollowed, name);
    } catch (error) {
      fail(`The process is not idempotent: delivering ${name(m)} again threw: ${String((error as Error)?.stack ?? error)}`);
    }
    const again = await readAfter(process.store, head);
    if (again.length > 0) {
      fail(
        `The process is not idempotent: delivering ${name(m)} again appended:\n${again.map((e, i) => `  ${i + 1}. ${eventLine(eventView(e))}`).join('\n')}`,
      );
    }
  }
}

async function readAfter(store: EventStore, position: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of store.readAll({ fromPosition: position })) out.push(e);
  return out;
}

function expectList<T>(what: string, actual: readonly T[], expected: readonly unknown[], line: (item: T) => string): void {
  const listed = <I>(items: readonly I[], render: (item: I) => string) =>
    items.length ? items.map((x, i) => `  ${i + 1}. ${render(x)}`).join('\n') : '  (none)';
  const difference =
    actual.length !== expected.length
      ? `expected ${expected.length} ${what}, got ${actual.length}`
      : expected
          .map((pattern, i) => partialMismatch(actual[i], pattern))
          .map((m, i) => m && `${what} ${i + 1}: ${m}`)
          .find(Boolean);
  if (difference) {
    fail(
      `The process did not emit the expected ${what} (${difference}).\nExpected:\n${listed(expected, show)}\nEmitted:\n${listed(actual, line)}`,
    );
  }
}

const eventView = (e: RecordedEvent): ExpectedEvent => ({ type: e.type, streamId: e.streamId, data: e.data });
const eventLine = (e: ExpectedEvent): string => `${e.type} on ${e.streamId ?? '?'} ${show(e.data)}`;

function describeMessage(message: unknown): string {
  const type = (message as { type?: unknown })?.type;
  return typeof type === 'string' ? type : show(message);
}
