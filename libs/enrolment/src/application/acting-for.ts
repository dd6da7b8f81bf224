import { EnrolmentException } from '../domain/enrolment.exception';
import type { CommandActor } from './base.command';

const STAFF = ['institution-admin', 'registrar'];

/** An alliance-admin acts for any member; institution staff only for their own institution. */
export function requireActingFor(actor: CommandActor, institutionId: string, field = 'institutionId'): void {
  if (actor.role === 'alliance-admin') return;
  if (STAFF.includes(actor.role) && actor.institution === institutionId) return;
  throw EnrolmentException.forbidden('other-institution', `a ${actor.role}${actor.institution ? ` of ${actor.institution}` : ''} cannot act for institution ${institutionId}`, field);
}
