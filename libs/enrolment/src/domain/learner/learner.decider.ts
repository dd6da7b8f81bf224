import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { EnrolmentException } from '../enrolment.exception';
import { requireMemberMayAct } from '../member-standing';
import { checkPrerequisites, requireAwardingBody, requireConsent, requireEnrollable } from './enrol.rules';
import { holdsLearner, requireHeldBy } from './learner-control.rules';
import type { Complete, Enrol, LearnerCommand, Transfer } from './learner.commands';
import type { LearnerEvent } from './learner.events';
import { activeEnrolmentIn, type EnrolmentRecord, evolveLearner, initialLearnerState, type LearnerState } from './learner.state';

export function decideLearner(command: LearnerCommand, state: LearnerState, context: DecisionContext): LearnerEvent[] {
  const now = context.now.toISOString();
  switch (command.type) {
    case 'Enrol':
      return enrol(command, state, context.now);
    case 'Withdraw': {
      requireMemberMayAct(command.actingMember);
      const enrolment = existing(state, command.enrolmentId);
      if (enrolment.status === 'withdrawn') return [];
      if (enrolment.status !== 'active') {
        throw new EnrolmentException(
          'enrolment.not-active',
          `enrolment ${enrolment.enrolmentId} is ${enrolment.status}; only an active enrolment can be withdrawn`,
        );
      }
      return [
        { type: 'EnrolmentWithdrawn', data: { learnerId: state.learnerId!, ...ref(enrolment), reason: command.reason, withdrawnAt: now } },
      ];
    }
    case 'Complete':
      return complete(command, state, now);
    case 'Transfer':
      return transfer(command, state, now);
    case 'AuthoriseInstitution': {
      if (!state.learnerId) throw new EnrolmentException('enrolment.learner-not-found', 'No learner with this id.');
      if (state.erased) throw new EnrolmentException('enrolment.learner-erased', 'the learner was erased', 'learnerId');
      if (holdsLearner(state, command.institutionId)) return [];
      return [
        { type: 'InstitutionAuthorised', data: { learnerId: state.learnerId, institutionId: command.institutionId, authorisedAt: now } },
      ];
    }
    case 'Erase': {
      requireMemberMayAct(command.actingMember);
      if (!state.learnerId) throw new EnrolmentException('enrolment.learner-not-found', 'No learner with this id.');
      if (state.erased) return [];
      const learnerId = state.learnerId;
      // Nobody can take part in a programme once nothing identifies them: open enrolments end with the erasure.
      const withdrawals: LearnerEvent[] = Object.values(state.enrolments)
        .filter((e) => e.status === 'active')
        .map((e) => ({
          type: 'EnrolmentWithdrawn',
          data: { learnerId, ...ref(e), reason: 'learner data erased on request', withdrawnAt: now },
        }));
      return [...withdrawals, { type: 'LearnerErased', data: { learnerId, reason: command.reason, erasedAt: now } }];
    }
  }
}

function enrol(command: Enrol, state: LearnerState, now: Date): LearnerEvent[] {
  requireMemberMayAct(command.enrolling);
  // An existing learner is enrolled only by an institution that holds them; to any other it does not exist.
  if (state.learnerId) requireHeldBy(state, command.learnerId, command.institutionId);
  if (state.erased)
    throw new EnrolmentException(
      'enrolment.learner-erased',
      `learner ${command.learnerId} was erased; enrol them as a new learner`,
      'learnerId',
    );
  const previous = state.enrolments[command.enrolmentId];
  if (previous) {
    // A retried request with the same enrolment id changes nothing; a different one is a clash of ids.
    if (previous.credentialSpecId === command.credentialSpecId) return [];
    throw new EnrolmentException('enrolment.enrolment-id-taken', `enrolment id ${command.enrolmentId} is already used`, 'enrolmentId');
  }
  const spec = requireEnrollable(command.spec, command.credentialSpecId, command.requestedVersion);
  requireAwardingBody(spec, command.institutionId);
  const active = activeEnrolmentIn(state, spec.credentialSpecId);
  if (active) {
    throw new EnrolmentException(
      'enrolment.duplicate-active-enrolment',
      `the learner already has an active enrolment (${active.enrolmentId}) in credential definition ${spec.credentialSpecId}`,
      'credentialSpecId',
      { existingEnrolmentId: active.enrolmentId },
    );
  }
  requireConsent(command, now);
  const prerequisitesMet = checkPrerequisites(spec, command.heldCredentials);
  return [
    {
      type: 'LearnerEnrolled',
      data: {
        learnerId: command.learnerId,
        enrolmentId: command.enrolmentId,
        credentialSpecId: spec.credentialSpecId,
        specVersion: spec.version,
        institutionId: command.institutionId,
        identity: command.identity,
        consent: command.consent,
        prerequisitesMet,
        enrolledAt: now.toISOString(),
      },
    },
  ];
}

function complete(command: Complete, state: LearnerState, now: string): LearnerEvent[] {
  const enrolment = command.enrolmentId ? state.enrolments[command.enrolmentId] : activeEnrolmentIn(state, command.credentialSpecId);
  // Issuance may report credentials this service never enrolled (a stack awarded from its parts): nothing to complete.
  if (!enrolment || enrolment.status !== 'active') return [];
  return [
    {
      type: 'EnrolmentCompleted',
      data: { learnerId: state.learnerId!, ...ref(enrolment), credentialId: command.credentialId, completedAt: command.issuedAt ?? now },
    },
  ];
}

function transfer(command: Transfer, state: LearnerState, now: string): LearnerEvent[] {
  requireMemberMayAct(command.actingMember);
  const enrolment = existing(state, command.enrolmentId);
  if (enrolment.status !== 'active') {
    throw new EnrolmentException(
      'enrolment.not-active',
      `enrolment ${enrolment.enrolmentId} is ${enrolment.status}; only an active enrolment can be transferred`,
    );
  }
  const target = requireEnrollable(command.target, enrolment.credentialSpecId, command.toVersion);
  if (target.credentialSpecId !== enrolment.credentialSpecId) {
    throw new EnrolmentException(
      'enrolment.transfer-other-definition',
      'a transfer moves to a newer version of the same definition',
      'toVersion',
    );
  }
  if (target.version <= enrolment.specVersion) {
    throw new EnrolmentException(
      'enrolment.transfer-not-newer',
      `the enrolment is on version ${enrolment.specVersion}; version ${target.version} is not newer`,
      'toVersion',
    );
  }
  requireAwardingBody(target, enrolment.institutionId);
  return [
    {
      type: 'EnrolmentTransferred',
      data: {
        learnerId: state.learnerId!,
        enrolmentId: enrolment.enrolmentId,
        credentialSpecId: enrolment.credentialSpecId,
        fromVersion: enrolment.specVersion,
        toVersion: target.version,
        reason: command.reason,
        transferredAt: now,
      },
    },
  ];
}

/** Which enrolment, and on which definition version, an event is about: consumers need no state to read it. */
function ref(e: EnrolmentRecord): { enrolmentId: string; credentialSpecId: string; specVersion: number } {
  return { enrolmentId: e.enrolmentId, credentialSpecId: e.credentialSpecId, specVersion: e.specVersion };
}

function existing(state: LearnerState, enrolmentId: string): EnrolmentRecord {
  const enrolment = state.enrolments[enrolmentId];
  if (!enrolment) throw new EnrolmentException('enrolment.enrolment-not-found', `No enrolment ${enrolmentId}.`);
  return enrolment;
}

/** The learner aggregate: stream `enrolment.learner-<learnerId>`. */
export const learnerDecider = defineDecider<LearnerCommand, LearnerState, LearnerEvent>({
  initialState: initialLearnerState,
  decide: decideLearner,
  evolve: evolveLearner,
});
