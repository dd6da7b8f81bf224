import { AssessmentException } from '../domain/assessment.exception';
import type { CommandActor } from './base.command';

/** Results are published by the staff of an institution, for that institution; the caller's token must name it. */
export function requireInstitutionStaff(actor: CommandActor): string {
  if ((actor.role === 'registrar' || actor.role === 'institution-admin') && actor.institution) return actor.institution;
  throw new AssessmentException(
    'assessment.not-institution-staff',
    `a ${actor.role}${actor.institution ? '' : ' without an institution'} cannot publish results; a registrar of the component's institution does`,
  );
}
