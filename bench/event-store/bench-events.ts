import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@alliance/event-sourcing';

/** Ten event types of a plausible service, so a count-per-type projection has something to count. */
export const EVENT_TYPES = [
  'ResultPublished',
  'ResultAmended',
  'LearnerEnrolled',
  'LearnerWithdrew',
  'DefinitionDrafted',
  'DefinitionApproved',
  'DefinitionPublished',
  'CredentialIssued',
  'CredentialSuspended',
  'CredentialRevoked',
];

/** A result-publication-sized event (~400 bytes of JSON with its metadata). */
export function benchEvent(i: number, eventId?: string): NewEvent {
  return {
    eventId,
    type: EVENT_TYPES[i % EVENT_TYPES.length],
    data: {
      learnerId: `learner-${i % 5000}`,
      componentId: `component-${i % 40}`,
      grade: { scheme: 'ects', value: ['A', 'B', 'C', 'D', 'E'][i % 5] },
      ects: 5,
      assessedOn: '2026-06-30',
      note: 'Published in bulk by the registrar after the examination board.',
    },
    metadata: {
      occurredAt: '2026-07-01T10:00:00.000Z',
      actor: { subject: 'registrar-7', role: 'registrar', institution: 'uni-b' },
      correlationId: randomUUID(),
      institution: 'uni-b',
    },
  };
}
