import { EnrolmentException } from '../../domain/enrolment.exception';
import type { CommandActor } from '../base.command';

/** Staff and auditors read every enrolment; a learner only their own. */
export function requireReadAccess(actor: CommandActor, learnerId: string): void {
  if (actor.role !== 'learner' || actor.subject === learnerId) return;
  throw EnrolmentException.forbidden('not-your-enrolment', 'a learner may read only their own enrolments');
}
