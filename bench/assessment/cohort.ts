import { randomUUID } from 'node:crypto';
import { credentialSpecPublishedV1, learnerEnrolledV1, type CredentialSpecPublishedV1 } from '@alliance/contracts';
import type { IntegrationBus } from '@alliance/messaging';

export const INSTITUTION = 'inst-aau';
const SPEC = 'spec-bench';
const at = '2026-01-15T10:00:00.000Z';
const HEADER = 'rowId,enrolmentId,componentCode,grade,assessedOn,assessmentType,supervision,evidenceUrl,assessor';

export const enrolmentIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `bench-enr-${String(i + 1).padStart(6, '0')}`);

/** One row per enrolment for component C1, graded 0-10. */
export function cohortCsv(ids: string[]): string {
  const rows = ids.map(
    (id, i) => `row-${i + 1},${id},C1,${i % 11},2026-06-0${(i % 9) + 1},written exam,supervised-onsite-identity-verification,,`,
  );
  return `${HEADER}\n${rows.join('\n')}\n`;
}

/** Teaches the service the definition and the enrolments, as the catalogue and enrolment would. */
export async function teach(bus: IntegrationBus, ids: string[]): Promise<void> {
  const envelope = () => ({ eventId: randomUUID(), occurredAt: at, correlationId: randomUUID() });
  const body = (institutionId: string, lead: boolean) => ({
    institutionId,
    lead,
    name: institutionId,
    legalName: institutionId,
    did: `did:web:${institutionId}.example`,
    countryCode: 'DK',
    homepage: `https://${institutionId}.example`,
  });
  const spec = {
    credentialSpecId: SPEC,
    version: 1,
    publishedAt: at,
    title: 'Benchmark definition',
    learningOutcomes: [{ description: 'Outcome' }],
    ects: 5,
    eqfLevel: 7,
    assessmentType: 'exam',
    formOfParticipation: 'online',
    qualityAssurance: { type: 'internal', body: 'QA board' },
    awardingBodies: [body(INSTITUTION, true), body('inst-dcu', false)],
    components: [
      {
        code: 'C1',
        title: 'C1',
        institutionId: INSTITUTION,
        institutionDid: `did:web:${INSTITUTION}.example`,
        institutionName: INSTITUTION,
        ects: 5,
      },
    ],
    issuanceRule: { allComponentsPassed: true },
    languages: ['en'],
    gradingScheme: { type: 'numeric', minimum: 0, maximum: 10, passMark: 6 },
    stackParts: [],
  } as unknown as CredentialSpecPublishedV1;
  await bus.publish([credentialSpecPublishedV1.message(spec, envelope())]);
  for (let i = 0; i < ids.length; i += 1000) {
    await bus.publish(
      ids.slice(i, i + 1000).map((enrolmentId) =>
        learnerEnrolledV1.message(
          {
            enrolmentId,
            learnerId: `l-${enrolmentId}`,
            learner: { learnerId: `l-${enrolmentId}`, name: 'Bench Learner' },
            credentialSpecId: SPEC,
            specVersion: 1,
            enrolledAt: at,
          },
          envelope(),
        ),
      ),
    );
  }
}
