import { aggregatesClass, defineAggregates, type EventStore, isEventIdConflict } from '@alliance/event-sourcing';
import { EVENT_STORE } from '@alliance/service-runtime';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AssessmentException } from '../domain/assessment.exception';
import { resultBatchDecider } from '../domain/batch/result-batch.decider';
import type { TranscriptCommand } from '../domain/transcript/transcript.commands';
import { resultsRejected, transcriptDecider } from '../domain/transcript/transcript.decider';
import type { TranscriptEvent } from '../domain/transcript/transcript.events';
import { publicationEventId } from './result-ids';

/** Injection token of the clock deciders use; tests replace it to make time explicit. */
export const ASSESSMENT_CLOCK = Symbol('ASSESSMENT_CLOCK');

/** Assessment's aggregates: `assessment.transcript-<enrolmentId>` and `assessment.result-batch-<batchKey>`. */
export const ASSESSMENT_AGGREGATES = defineAggregates('assessment', {
  transcript: {
    decider: transcriptDecider,
    // Many registrars may write one transcript at once (a cohort upload beside single results): allow more retries.
    maxAttempts: 8,
    // A publication's event id is derived from its result id: the store keeps a result id to one transcript.
    newEventId: (e: TranscriptEvent) => (e.type === 'ResultPublished' ? publicationEventId(e.data.resultId) : uuidv7()),
    refusal: (error: unknown, command: TranscriptCommand) =>
      isEventIdConflict(error) && command.type === 'PublishResults' ? reusedIds(command.results, error.eventIds) : error,
  },
  resultBatch: { decider: resultBatchDecider },
});

/**
 * Assessment's aggregates on the kernel's command handler (`aggregates.transcript.handle(enrolmentId, command,
 * context)`). Writers wait for the read model themselves, with the position `handle` answers: a batch waits once.
 */
@Injectable()
export class AssessmentAggregates extends aggregatesClass(ASSESSMENT_AGGREGATES) {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Optional() @Inject(ASSESSMENT_CLOCK) clock?: () => Date) {
    super(store, { clock });
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
