import { EnrolmentException } from '../domain/enrolment.exception';
import type { CommandActor } from './base.command';
import type { EnrolmentRecordRow } from './ports/enrolment-records.port';

const STAFF = ['institution-admin', 'registrar'];
const READ_EVERYTHING = ['alliance-admin', 'auditor'];

/**
 * Which enrolments an actor may read: the alliance-admin and the auditor every one; institution staff those
 * of their own institution (a learner enrolled elsewhere too shows only the enrolments made here); a
 * learner their own; nobody else any.
 */
export type ReadScope = { all: true } | { all: false; institutionId?: string; learnerId?: string };

export function readScopeOf(actor: CommandActor): ReadScope {
  if (READ_EVERYTHING.includes(actor.role)) return { all: true };
  if (STAFF.includes(actor.role) && actor.institution) return { all: false, institutionId: actor.institution };
  if (actor.role === 'learner' && actor.subject) return { all: false, learnerId: actor.subject };
  return { all: false };
}

export function mayRead(actor: CommandActor, row: Pick<EnrolmentRecordRow, 'institutionId' | 'learnerId'>): boolean {
  const scope = readScopeOf(actor);
  if (scope.all) return true;
  if (scope.institutionId) return row.institutionId === scope.institutionId;
  if (scope.learnerId) return row.learnerId === scope.learnerId;
  return false;
}

/** An enrolment the actor may not read answers exactly as one that does not exist. */
export function requireReadable<R extends Pick<EnrolmentRecordRow, 'institutionId' | 'learnerId'>>(
  actor: CommandActor,
  row: R | undefined,
  enrolmentId: string,
): R {
  if (!row || !mayRead(actor, row))
    throw new EnrolmentException('enrolment.enrolment-not-found', `No enrolment ${enrolmentId}.`, 'enrolmentId');
  return row;
}
