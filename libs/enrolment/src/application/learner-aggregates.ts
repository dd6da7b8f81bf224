import {
  type CommandContext,
  type CommandHandler,
  createCommandHandler,
  type EventStore,
  type RecordedEvent,
} from '@alliance/event-sourcing';
import { EVENT_STORE } from '@alliance/service-runtime';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { LearnerCommand } from '../domain/learner/learner.commands';
import { learnerDecider } from '../domain/learner/learner.decider';
import type { LearnerEvent } from '../domain/learner/learner.events';
import type { LearnerState } from '../domain/learner/learner.state';
import { learnerStream } from './enrolment-streams';
import { EnrolmentRecords } from './ports/enrolment-records.port';

/** Injection token of the clock deciders use; tests replace it to make time explicit. */
export const ENROLMENT_CLOCK = Symbol('ENROLMENT_CLOCK');

/** The learner aggregate on the kernel's command handler: load, decide, append (retrying on conflicts). */
@Injectable()
export class LearnerAggregates {
  private readonly handler: CommandHandler<LearnerCommand, LearnerState, LearnerEvent>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly records: EnrolmentRecords,
    @Optional() @Inject(ENROLMENT_CLOCK) clock?: () => Date,
  ) {
    this.handler = createCommandHandler({ store, decider: learnerDecider, clock });
  }

  async load(learnerId: string): Promise<{ state: LearnerState; revision: number }> {
    return this.handler.load(learnerStream(learnerId));
  }

  /** Decides and appends, then waits until the read model includes the new events. */
  async handle(
    learnerId: string,
    command: LearnerCommand,
    context: CommandContext,
  ): Promise<{ state: LearnerState; events: LearnerEvent[] }> {
    const result = await this.handler.handle(learnerStream(learnerId), command, context);
    await this.records.caughtUp(result.lastPosition);
    return { state: result.state, events: result.events.map((e) => ({ type: e.type, data: e.data }) as LearnerEvent) };
  }

  /** The learner's stream as stored (envelopes, hashes), for the audit trail. */
  history(learnerId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(learnerStream(learnerId));
  }
}
