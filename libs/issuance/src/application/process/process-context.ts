import type { CommandContext } from '@alliance/event-sourcing';
import { v5 as uuidv5 } from 'uuid';
import { ISSUANCE_PROCESS_ACTOR } from '../base.command';

/** Issuance acting on a fact: the process manager is the actor, the fact is the cause, the correlation carries on. */
export function processContext(cause: { eventId: string; correlationId: string }): CommandContext {
  return { actor: { ...ISSUANCE_PROCESS_ACTOR }, correlationId: cause.correlationId, causationId: cause.eventId };
}

const STACK_NAMESPACE = '6f1c0c3e-6a43-4f5e-9d7f-0e4b1d2b8c51';

/** A learner's track towards a stack they never enrolled in: one per learner and stack, found again by name. */
export function stackAwardId(learnerId: string, stackSpecId: string): string {
  return uuidv5(`${learnerId}|${stackSpecId}`, STACK_NAMESPACE);
}
