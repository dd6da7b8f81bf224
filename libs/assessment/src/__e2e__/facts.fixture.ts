import {
  credentialSpecPublishedV1,
  institutionReinstatedV1,
  institutionRemovedV1,
  institutionSuspendedV1,
  learnerEnrolledV1,
  learnerWithdrawnV1,
  type CredentialSpecPublishedV1,
} from '@alliance/contracts';
import type { IntegrationBus } from '@alliance/messaging';
import { definitionComponent, factEnvelope, publishedDefinition } from '@alliance/testing';

export const AAU = 'inst-aau';
export const DCU = 'inst-dcu';
export const SPEC = 'spec-energy';
const at = '2026-01-15T10:00:00.000Z';

/** Components C1 and LAB (AAU) and C2 (DCU), graded 0-10 with pass mark 6. */
export function publishedSpec(overrides: Partial<CredentialSpecPublishedV1> = {}): CredentialSpecPublishedV1 {
  const component = (code: string, institutionId: string) =>
    definitionComponent(code, `Component ${code}`, institutionId, institutionId, 2);
  return {
    ...publishedDefinition({
      credentialSpecId: SPEC,
      version: 1,
      title: 'Sustainable energy systems',
      ects: 6,
      awardedBy: [AAU, DCU],
      components: [component('C1', AAU), component('LAB', AAU), component('C2', DCU)],
    }),
    gradingScheme: { type: 'numeric', minimum: 0, maximum: 10, passMark: 6 },
    ...overrides,
  } as CredentialSpecPublishedV1;
}

/** Publishes catalogue and enrolment facts the way those services would; resolves once consumers handled them. */
export const facts = (bus: IntegrationBus) => ({
  published: (spec = publishedSpec()) => bus.publish([credentialSpecPublishedV1.message(spec, factEnvelope())]),
  enrolled: async (enrolmentIds: string[], credentialSpecId = SPEC) => {
    for (let i = 0; i < enrolmentIds.length; i += 1000) {
      await bus.publish(
        enrolmentIds.slice(i, i + 1000).map((enrolmentId) =>
          learnerEnrolledV1.message(
            {
              enrolmentId,
              learnerId: `learner-${enrolmentId}`,
              learner: { learnerId: `learner-${enrolmentId}`, name: 'A Learner' },
              credentialSpecId,
              specVersion: 1,
              institutionId: AAU,
              enrolledAt: at,
            },
            factEnvelope(),
          ),
        ),
      );
    }
  },
  suspended: (institutionId: string) =>
    bus.publish([
      institutionSuspendedV1.message({ institutionId, reason: 'quality review', suspendedAt: new Date().toISOString() }, factEnvelope()),
    ]),
  reinstated: (institutionId: string) =>
    bus.publish([institutionReinstatedV1.message({ institutionId, reinstatedAt: new Date().toISOString() }, factEnvelope())]),
  removed: (institutionId: string) =>
    bus.publish([
      institutionRemovedV1.message({ institutionId, reason: 'left the alliance', removedAt: new Date().toISOString() }, factEnvelope()),
    ]),
  withdrawn: (enrolmentId: string) =>
    bus.publish([
      learnerWithdrawnV1.message(
        { enrolmentId, learnerId: `learner-${enrolmentId}`, credentialSpecId: SPEC, specVersion: 1, reason: 'left', withdrawnAt: at },
        factEnvelope(),
      ),
    ]),
});
