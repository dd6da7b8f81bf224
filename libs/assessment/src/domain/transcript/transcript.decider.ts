import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { AssessmentException } from '../assessment.exception';
import type { SpecView } from '../knowledge';
import { requireMemberMayAct } from '../member-standing';
import { ownedComponent, requireOpenEnrolment, requireSpec, resultFacts, sameFacts } from './result.rules';
import type { AmendResult, PublishResults, ResultInput, TranscriptCommand } from './transcript.commands';
import type { ResultFacts, TranscriptEvent } from './transcript.events';
import { type AmendmentRecord, evolveTranscript, initialTranscriptState, type TranscriptState } from './transcript.state';

/** One result of a multi-result command that broke a rule, by its position in the command, as the problem lists it. */
export interface RejectedResult {
  index: number;
  code: string;
  status: number;
  field?: string;
  message: string;
}

/**
 * `assessment.results-rejected`: some results of a multi-result command break a rule. Nothing is written; the caller
 * may drop the rejected ones and send the rest again (that is how a bulk upload records its good rows).
 */
export function resultsRejected(rejections: { index: number; error: AssessmentException }[]): AssessmentException {
  const listed: RejectedResult[] = rejections.map(({ index, error }) => ({
    index,
    code: error.code,
    status: error.status,
    field: error.field,
    message: error.message,
  }));
  return new AssessmentException('assessment.results-rejected', `${rejections.length} result(s) break a rule`, undefined, {
    rejections: listed,
  });
}

/** The rejected results an `assessment.results-rejected` error lists; undefined for any other error. */
export function rejectedResults(error: unknown): RejectedResult[] | undefined {
  return error instanceof AssessmentException && error.code === 'assessment.results-rejected'
    ? (error.details?.rejections as RejectedResult[])
    : undefined;
}

export function decideTranscript(command: TranscriptCommand, state: TranscriptState, context: DecisionContext): TranscriptEvent[] {
  return command.type === 'PublishResults' ? publish(command, state, context) : amend(command, state, context);
}

function publish(command: PublishResults, state: TranscriptState, context: DecisionContext): TranscriptEvent[] {
  requireMemberMayAct(command.actingMember);
  const enrolment = requireOpenEnrolment(command.enrolmentId, command.enrolment);
  const spec = requireSpec(command.spec, enrolment.credentialSpecId, enrolment.specVersion);
  const events: TranscriptEvent[] = [];
  const rejections: { index: number; error: AssessmentException }[] = [];
  let running = state;
  command.results.forEach((input, index) => {
    try {
      const elsewhere = command.recordedElsewhere[input.resultId];
      const event = publishOne(input, running, spec, context, elsewhere !== enrolment.enrolmentId ? elsewhere : undefined);
      if (!event) return;
      const published: TranscriptEvent = {
        type: 'ResultPublished',
        data: {
          resultId: input.resultId,
          enrolmentId: enrolment.enrolmentId,
          learnerId: enrolment.learnerId,
          credentialSpecId: spec.credentialSpecId,
          specVersion: spec.version,
          componentCode: input.componentCode,
          institutionId: event.institutionId,
          ...event.facts,
          publishedAt: context.now.toISOString(),
          ...(input.batchId ? { batchId: input.batchId } : {}),
          ...(input.rowRef ? { rowRef: input.rowRef } : {}),
        },
      };
      events.push(published);
      running = evolveTranscript(running, published);
    } catch (error) {
      if (!(error instanceof AssessmentException)) throw error;
      rejections.push({ index, error });
    }
  });
  if (rejections.length === 1 && command.results.length === 1) throw rejections[0].error;
  if (rejections.length > 0) throw resultsRejected(rejections);
  return events;
}

/**
 * The facts of a new result, or undefined when this very result was already recorded (a replay). `elsewhere`:
 * the other enrolment this result id was already recorded for, if any.
 */
function publishOne(
  input: ResultInput,
  state: TranscriptState,
  spec: SpecView,
  context: DecisionContext,
  elsewhere: string | undefined,
): { facts: ResultFacts; institutionId: string } | undefined {
  const component = ownedComponent(spec, input.componentCode, context.actor.institution);
  const facts = resultFacts(input, spec, context.now);
  if (elsewhere !== undefined) {
    throw new AssessmentException(
      'assessment.result-id-reused',
      `result id ${input.resultId} is already the result of enrolment ${elsewhere}; a result id names one result`,
      'resultId',
      {
        existingEnrolmentId: elsewhere,
      },
    );
  }
  const existing = state.results[input.resultId];
  if (existing) {
    if (existing.componentCode === input.componentCode && sameFacts(existing.published, facts)) return undefined;
    throw new AssessmentException(
      'assessment.result-id-reused',
      `result id ${input.resultId} was already used for a different result`,
      'resultId',
    );
  }
  const other = state.byComponent[input.componentCode];
  if (other) {
    throw new AssessmentException(
      'assessment.result-exists',
      `component ${input.componentCode} already has a result (${other}) for this enrolment; amend it instead`,
      'componentCode',
      { existingResultId: other },
    );
  }
  return { facts, institutionId: component.institutionId };
}

function amend(command: AmendResult, state: TranscriptState, context: DecisionContext): TranscriptEvent[] {
  requireMemberMayAct(command.actingMember);
  const record = state.results[command.resultId];
  if (!record) throw new AssessmentException('assessment.result-not-found', `No result ${command.resultId}.`, 'resultId');
  if (record.institutionId !== context.actor.institution) {
    throw new AssessmentException(
      'assessment.component-of-other-institution',
      `result ${command.resultId} belongs to institution ${record.institutionId}; only its registrars may amend it`,
    );
  }
  const earlier = record.amendments[command.amendmentId];
  if (earlier) return repeatedAmendment(command, earlier, context);
  const reason = command.reason?.trim();
  if (!reason) throw new AssessmentException('assessment.amendment-reason-required', 'an amendment needs a reason', 'reason');
  const facts = amendedFacts(command, record.current, context.now);
  if (sameFacts(facts, record.current)) {
    throw new AssessmentException('assessment.amendment-changes-nothing', 'the amendment states the result as it already is', 'grade');
  }
  return [
    {
      type: 'ResultAmended',
      data: {
        resultId: record.resultId,
        amendmentId: command.amendmentId,
        enrolmentId: state.enrolmentId!,
        learnerId: state.learnerId!,
        credentialSpecId: state.credentialSpecId!,
        specVersion: record.specVersion,
        componentCode: record.componentCode,
        institutionId: record.institutionId,
        ...facts,
        amendmentNumber: record.amendmentIds.length + 1,
        reason,
        amendedAt: context.now.toISOString(),
      },
    },
  ];
}

/**
 * An amendment id already used: a retry of that amendment (the same changes and reason) changes nothing; the
 * same id for anything else is refused, since answering success would claim an amendment that was not made.
 */
function repeatedAmendment(command: AmendResult, earlier: AmendmentRecord, context: DecisionContext): TranscriptEvent[] {
  const was = earlier.facts;
  const restated = amendedFacts(command, was, context.now);
  if (sameFacts(restated, was) && (command.reason?.trim() ?? '') === earlier.reason) return [];
  throw new AssessmentException(
    'assessment.amendment-id-reused',
    `amendment ${command.amendmentId} of result ${command.resultId} was already made with other changes or another reason; send a new amendment id`,
    'amendmentId',
  );
}

/** The facts an amendment states: its changes over `base`, graded on the scheme of the version the result was published on. */
function amendedFacts(command: AmendResult, base: ResultFacts, now: Date): ResultFacts {
  const spec = command.spec;
  if (!spec)
    throw new AssessmentException(
      'assessment.spec-unknown',
      `the definition result ${command.resultId} was published on is not known to assessment (yet)`,
    );
  const c = command.changes;
  return resultFacts(
    {
      grade: c.grade ?? base.grade,
      assessedOn: c.assessedOn ?? base.assessedOn,
      assessmentType: c.assessmentType ?? base.assessmentType,
      supervision: c.supervision ?? base.supervision,
      evidenceUrl: c.evidenceUrl ?? base.evidenceUrl,
      assessor: c.assessor ?? base.assessor,
    },
    spec,
    now,
  );
}

/** The transcript aggregate: stream `assessment.transcript-<enrolmentId>`. */
export const transcriptDecider = defineDecider<TranscriptCommand, TranscriptState, TranscriptEvent>({
  initialState: initialTranscriptState,
  decide: decideTranscript,
  evolve: evolveTranscript,
});
