import { type CommandContext, type CommandHandler, createCommandHandler, type EventStore } from '@alliance/event-sourcing';
import { EVENT_STORE } from '@alliance/nest-kit';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { type ResultBatchCommand, resultBatchDecider, type ResultBatchState } from '../domain/batch/result-batch.decider';
import type { ResultBatchEvent } from '../domain/batch/result-batch.events';
import type { TranscriptCommand } from '../domain/transcript/transcript.commands';
import { transcriptDecider } from '../domain/transcript/transcript.decider';
import type { TranscriptEvent } from '../domain/transcript/transcript.events';
import type { TranscriptState } from '../domain/transcript/transcript.state';
import { resultBatchStream, transcriptStream } from './assessment-streams';

/** Injection token of the clock deciders use; tests replace it to make time explicit. */
export const ASSESSMENT_CLOCK = Symbol('ASSESSMENT_CLOCK');

export interface Handled<TEvent> {
  events: TEvent[];
  lastPosition?: number;
}

/** The transcript and batch aggregates on the kernel's command handler (load, decide, append, retry on conflicts). */
@Injectable()
export class AssessmentAggregates {
  private readonly transcripts: CommandHandler<TranscriptCommand, TranscriptState, TranscriptEvent>;
  private readonly batches: CommandHandler<ResultBatchCommand, ResultBatchState, ResultBatchEvent>;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Optional() @Inject(ASSESSMENT_CLOCK) clock?: () => Date) {
    // Many registrars may write one transcript at once (a cohort upload beside single results): allow more retries.
    this.transcripts = createCommandHandler({ store, decider: transcriptDecider, clock, maxAttempts: 8 });
    this.batches = createCommandHandler({ store, decider: resultBatchDecider, clock });
  }

  async onTranscript(enrolmentId: string, command: TranscriptCommand, context: CommandContext): Promise<Handled<TranscriptEvent>> {
    const r = await this.transcripts.handle(transcriptStream(enrolmentId), command, context);
    return { events: r.events.map((e) => ({ type: e.type, data: e.data }) as TranscriptEvent), lastPosition: r.lastPosition };
  }

  /** Decides a batch command on the stored state without appending: throws what `onBatch` would refuse. */
  async checkBatch(batchKey: string, command: ResultBatchCommand, context: CommandContext): Promise<void> {
    const { state } = await this.batches.load(resultBatchStream(batchKey));
    resultBatchDecider.decide(command, state, { ...context, now: new Date() });
  }

  async onBatch(batchKey: string, command: ResultBatchCommand, context: CommandContext): Promise<Handled<ResultBatchEvent>> {
    const r = await this.batches.handle(resultBatchStream(batchKey), command, context);
    return { events: r.events.map((e) => ({ type: e.type, data: e.data }) as ResultBatchEvent), lastPosition: r.lastPosition };
  }
}
