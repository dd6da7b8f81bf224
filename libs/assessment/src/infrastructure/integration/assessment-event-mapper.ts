import { resultAmendedV1, resultRecordedV1 } from '@alliance/contracts';
import type { RecordedEvent } from '@alliance/event-sourcing';
import { envelopeOf, type IntegrationMessage } from '@alliance/messaging';
import type { Grade } from '../../domain/grading';
import { resultIdentityOf, type TranscriptEvent } from '../../domain/transcript/transcript.events';

/** The contract states no grade for pass/fail schemes: `passed` says it all. */
const gradeField = (grade: Grade): { grade?: Grade } => (grade === 'pass' || grade === 'fail' ? {} : { grade });
/** Results are dated by day; the contract carries instants, so a day is its start in UTC. */
const dayStart = (date: string): string => `${date}T00:00:00.000Z`;

/** Assessment's domain events as the integration events issuance consumes. */
export function mapAssessmentEvent(recorded: RecordedEvent): IntegrationMessage | null {
  const event = { type: recorded.type, data: recorded.data } as TranscriptEvent;
  const envelope = envelopeOf(recorded);
  const common = (d: TranscriptEvent['data']) => ({
    ...resultIdentityOf(d),
    passed: d.passed,
    ...gradeField(d.grade),
    assessedAt: dayStart(d.assessedOn),
  });
  switch (event.type) {
    case 'ResultPublished':
      return resultRecordedV1.message({ ...common(event.data), recordedAt: event.data.publishedAt }, envelope);
    case 'ResultAmended':
      return resultAmendedV1.message({ ...common(event.data), reason: event.data.reason, amendedAt: event.data.amendedAt }, envelope);
    default:
      return null;
  }
}
