import { createCommandHandler } from '../../decider/command-handler';
import type { CommandContext } from '../../decider/command-context';
import { InMemoryEventStore } from '../in-memory-event-store';
import type { ProcessUnderSpec } from '../process-manager-specification';
import { seatsDecider, type SeatsCommand } from './seats-decider';

// A small process manager for the kernel's own specs: requests reach the seats aggregate, and every seat
// released (read back from the process's own log) goes to the first learner on the waiting list without one.

export type WaitlistMessage = { type: 'request'; command: SeatsCommand } | { type: 'seat-released'; courseId: string };

const CONTEXT: CommandContext = { actor: { subject: 'waitlist-process', role: 'system' }, correlationId: 'waitlist' };
export const courseStream = (courseId: string) => `demo.course-${courseId}`;

export function waitlistProcess(waitingList: readonly string[], settle?: () => Promise<void>): ProcessUnderSpec<WaitlistMessage> {
  const store = new InMemoryEventStore();
  const seats = createCommandHandler({ store, decider: seatsDecider, backoff: () => 0 });
  const sent: SeatsCommand[] = [];
  const send = async (command: SeatsCommand) => {
    sent.push(command);
    await seats.handle(courseStream(command.courseId), command, CONTEXT);
  };
  return {
    store,
    sentCommands: () => sent,
    ...(settle ? { settle } : {}),
    follows: (e) =>
      e.type === 'demo.seat-released' ? { type: 'seat-released', courseId: (e.data as { courseId: string }).courseId } : undefined,
    describe: (m) => (m.type === 'request' ? `request ${m.command.kind}` : `seat released in ${m.courseId}`),
    async handle(message) {
      if (message.type === 'request') return send(message.command);
      const { state } = await seats.load(courseStream(message.courseId));
      // Offered already when the seat is taken again: a redelivered release finds the course full.
      if (state.learners.length >= state.capacity) return;
      const next = waitingList.find((l) => !state.learners.includes(l));
      if (next) await send({ kind: 'reserve', courseId: message.courseId, learnerId: next });
    },
  };
}
