import {
  type CommandContext,
  type CommandHandler,
  createCommandHandler,
  decisionEvents,
  decisionInstant,
  type EventStore,
  isEventIdConflict,
} from '@alliance/event-sourcing';
import { EVENT_STORE } from '@alliance/service-runtime';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AssessmentException } from '../domain/assessment.exception';
import { type ResultBatchCommand, resultBatchDecider, type ResultBatchState } from '../domain/batch/result-batch.decider';
import type { ResultBatchEvent } from '../domain/batch/result-batch.events';
import type { TranscriptCommand } from '../domain/transcript/transcript.commands';
import { resultsRejected, transcriptDecider } from '../domain/transcript/transcript.decider';
import type { TranscriptEvent } from '../domain/transcript/transcript.events';
import type { TranscriptState } from '../domain/transcript/transcript.state';
import { resultBatchStream, transcriptStream } from './assessment-streams';
import { publicationEventId } from './result-ids';

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
  private readonly clock: () => Date;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(ASSESSMENT_CLOCK) clock?: () => Date,
  ) {
    this.clock = clock ?? (() => new Date());
    // Many registrars may write one transcript at once (a cohort upload beside single results): allow more retries.
    // A publication's event id is derived from its result id: the store keeps a result id to one transcript.
    const newEventId = (e: TranscriptEvent) => (e.type === 'ResultPublished' ? publicationEventId(e.data.resultId) : uuidv7());
    this.transcripts = createCommandHandler({ store, decider: transcriptDecider, clock, maxAttempts: 8, newEventId });
    this.batches = createCommandHandler({ store, decider: resultBatchDecider, clock });
  }

  async onTranscript(enrolmentId: string, command: TranscriptCommand, context: CommandContext): Promise<Handled<TranscriptEvent>> {
    const r = await this.transcripts.handle(transcriptStream(enrolmentId), command, context).catch((error: unknown) => {
      throw isEventIdConflict(error) && command.type === 'PublishResults' ? reusedIds(command.results, error.eventIds) : error;
    });
    return { events: r.events.map((e) => ({ type: e.type, data: e.data }) as TranscriptEvent), lastPosition: r.lastPosition };
  }

  /** Decides a transcript command on the stored state without appending: the events `onTranscript` would write now, or its refusal. */
  async previewTranscript(enrolmentId: string, command: TranscriptCommand, context: CommandContext): Promise<TranscriptEvent[]> {
    const { state } = await this.transcripts.load(transcriptStream(enrolmentId));
    return decisionEvents(transcriptDecider.decide(command, state, { ...context, now: decisionInstant(context, this.clock) }));
  }

  /** Decides a batch command on the stored state without appending: throws what `onBatch` would refuse. */
  async checkBatch(batchKey: string, command: ResultBatchCommand, context: CommandContext): Promise<void> {
    const { state } = await this.batches.load(resultBatchStream(batchKey));
    resultBatchDecider.decide(command, state, { ...context, now: decisionInstant(context, this.clock) });
  }

  /** The events of one upload's stream, oldest first (none when the id was never claimed). */
  async batchHistory(batchKey: string): Promise<ResultBatchEvent[]> {
    const events = await this.store.readStream(resultBatchStream(batchKey));
    return events.map((e) => ({ type: e.type, data: e.data }) as ResultBatchEvent);
  }

  async onBatch(batchKey: string, command: ResultBatchCommand, context: CommandContext): Promise<Handled<ResultBatchEvent>> {
    const r = await this.batches.handle(resultBatchStream(batchKey), command, context);
    return { events: r.events.map((e) => ({ type: e.type, data: e.data }) as ResultBatchEvent), lastPosition: r.lastPosition };
  }
}

/** The results whose publication the store already holds in another transcript, refused as reused ids. */
function reusedIds(results: { resultId: string }[], storedEventIds: string[]): unknown {
  const stored = new Set(storedEventIds);
  const refuse = (resultId: string) =>
    new AssessmentException(
      'assessment.result-id-reused',
      `result id ${resultId} is already the result of another enrolment; a result id names one result`,
      'resultId',
    );
  const rejections = results.flatMap((r, index) =>
    stored.has(publicationEventId(r.resultId)) ? [{ index, error: refuse(r.resultId) }] : [],
  );
  if (rejections.length === 0) return new Error(`the event store already holds events ${storedEventIds.join(', ')} of this command`);
  if (results.length === 1) return rejections[0].error;
  return resultsRejected(rejections);
}
