import { assessmentDate } from '../assessment-date';
import { AssessmentException } from '../assessment.exception';
import { gradeOnScheme } from '../grading';
import { type EnrolmentView, type SpecView, SUPERVISION_LEVELS } from '../knowledge';
import type { ResultInput } from './transcript.commands';
import type { ResultFacts } from './transcript.events';

/**
 * Results are recorded for an enrolment the learner has not left. A completed one still takes late results
 * (completion means the learning activity ended, not that every result is in).
 */
export function requireOpenEnrolment(enrolmentId: string, enrolment: EnrolmentView | undefined): EnrolmentView {
  if (!enrolment) throw new AssessmentException('assessment.enrolment-not-found', `No enrolment ${enrolmentId}.`, 'enrolmentId');
  if (enrolment.status === 'withdrawn') {
    throw new AssessmentException(
      'assessment.enrolment-withdrawn',
      `enrolment ${enrolmentId} is ${enrolment.status}; no new results can be published for it`,
      'enrolmentId',
    );
  }
  return enrolment;
}

export function requireSpec(spec: SpecView | undefined, credentialSpecId: string, version: number): SpecView {
  if (!spec) {
    throw new AssessmentException(
      'assessment.spec-unknown',
      `credential definition ${credentialSpecId} version ${version} is not known to assessment (yet)`,
      'enrolmentId',
    );
  }
  return spec;
}

/** The component exists in the pinned version and belongs to the registrar's own institution. */
export function ownedComponent(spec: SpecView, code: string, institution: string | undefined): SpecView['components'][number] {
  const component = spec.components.find((c) => c.code === code);
  if (!component) {
    throw new AssessmentException(
      'assessment.component-unknown',
      `component ${code} is not part of credential definition ${spec.credentialSpecId} version ${spec.version} (components: ${spec.components.map((c) => c.code).join(', ')})`,
      'componentCode',
    );
  }
  if (component.institutionId !== institution) {
    throw new AssessmentException(
      'assessment.component-of-other-institution',
      `component ${code} is assessed by institution ${component.institutionId}; ${institution ? `institution ${institution}` : 'a caller without an institution'} cannot publish its results`,
      'componentCode',
    );
  }
  return component;
}

/** Checks every fact of a result and derives `passed` from the grade. */
export function resultFacts(input: Omit<ResultInput, 'resultId' | 'componentCode'>, spec: SpecView, now: Date): ResultFacts {
  const { grade, passed } = gradeOnScheme(input.grade, spec.gradingScheme);
  const assessedOn = assessmentDate(input.assessedOn, now);
  if (typeof input.assessmentType !== 'string' || !input.assessmentType.trim()) {
    throw new AssessmentException(
      'assessment.assessment-type-missing',
      'assessmentType is required (e.g. written exam, project)',
      'assessmentType',
    );
  }
  if (!SUPERVISION_LEVELS.includes(input.supervision)) {
    throw new AssessmentException(
      'assessment.supervision-invalid',
      `supervision must be one of ${SUPERVISION_LEVELS.join(', ')}`,
      'supervision',
    );
  }
  return {
    grade,
    passed,
    assessedOn,
    assessmentType: input.assessmentType.trim(),
    supervision: input.supervision,
    ...(input.evidenceUrl ? { evidenceUrl: input.evidenceUrl } : {}),
    ...(input.assessor ? { assessor: input.assessor } : {}),
  };
}

export function sameFacts(a: ResultFacts, b: ResultFacts): boolean {
  return (
    a.grade === b.grade &&
    a.passed === b.passed &&
    a.assessedOn === b.assessedOn &&
    a.assessmentType === b.assessmentType &&
    a.supervision === b.supervision &&
    (a.evidenceUrl ?? null) === (b.evidenceUrl ?? null) &&
    (a.assessor ?? null) === (b.assessor ?? null)
  );
}
