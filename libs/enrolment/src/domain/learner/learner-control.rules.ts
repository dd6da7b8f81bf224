import { EnrolmentException } from '../enrolment.exception';
import type { LearnerState } from './learner.state';

/**
 * Who holds a learner. An institution holds a learner it enrolled, or one who confirmed (as themselves) that
 * the institution may hold them. Matching an e-mail address never links a learner to a new institution:
 * only the learner's own confirmation does.
 */
export function institutionsHolding(state: LearnerState): string[] {
  return [...new Set([...Object.values(state.enrolments).map((e) => e.institutionId), ...state.authorisedInstitutions])];
}

export function holdsLearner(state: LearnerState, institutionId: string): boolean {
  return institutionsHolding(state).includes(institutionId);
}

/**
 * Enrolling an existing learner is for an institution that already holds them. Anything else reads as an
 * unknown learner, so an institution cannot learn whether someone is a learner elsewhere.
 */
export function requireHeldBy(state: LearnerState, learnerId: string, institutionId: string): void {
  if (!state.learnerId || !holdsLearner(state, institutionId))
    throw new EnrolmentException('enrolment.learner-not-found', `No learner ${learnerId}.`, 'learnerId');
}

/** Who asks for an erasure, as the rule sees them. */
export type ErasureRequester =
  { kind: 'learner'; learnerId: string } | { kind: 'alliance' } | { kind: 'institution'; institutionId: string; mayErase: boolean };

/**
 * Erasure destroys the learner's one key, so it always erases the person for every institution. Hence:
 * - the learner themselves and the alliance may always ask;
 * - an institution-admin may ask while their institution is the only one holding the learner;
 * - when other institutions hold the learner too (the learner linked them), the institution cannot erase
 *   on their behalf: it withdraws its own enrolments, and the learner (or the alliance) erases.
 * A requester the learner is unknown to gets the same 404 as for a learner that does not exist.
 */
export function requireMayErase(state: LearnerState, learnerId: string, requester: ErasureRequester): void {
  const notFound = () => new EnrolmentException('enrolment.learner-not-found', `No learner ${learnerId}.`, 'learnerId');
  if (!state.learnerId) throw notFound();
  switch (requester.kind) {
    case 'alliance':
      return;
    case 'learner':
      if (requester.learnerId !== state.learnerId) throw notFound();
      return;
    case 'institution': {
      if (!holdsLearner(state, requester.institutionId)) throw notFound();
      if (!requester.mayErase) {
        throw new EnrolmentException(
          'enrolment.erasure-not-allowed',
          'only the learner, an alliance-admin or an institution-admin of an enrolling institution may erase a learner',
          'learnerId',
        );
      }
      const others = institutionsHolding(state).filter((i) => i !== requester.institutionId);
      if (others.length > 0) {
        throw new EnrolmentException(
          'enrolment.erasure-shared-learner',
          `the learner is also held by ${others.length} other institution${others.length > 1 ? 's' : ''}: withdraw your own enrolments; only the learner or the alliance can erase them for every institution`,
          'learnerId',
        );
      }
      return;
    }
  }
}
