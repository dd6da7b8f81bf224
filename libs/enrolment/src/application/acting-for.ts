import { EnrolmentException } from '../domain/enrolment.exception';
import type { MemberStanding } from '../domain/member-standing';
import type { CommandActor } from './base.command';
import type { EnrolmentKnowledge } from './ports/enrolment-knowledge.port';

const STAFF = ['institution-admin', 'registrar'];

/** An alliance-admin acts for any member; institution staff only for their own institution. */
export function requireActingFor(actor: CommandActor, institutionId: string, field = 'institutionId'): void {
  if (actor.role === 'alliance-admin') return;
  if (STAFF.includes(actor.role) && actor.institution === institutionId) return;
  throw new EnrolmentException(
    'enrolment.other-institution',
    `a ${actor.role}${actor.institution ? ` of ${actor.institution}` : ''} cannot act for institution ${institutionId}`,
    field,
  );
}

/** The member whose staff makes the request, with its standing; undefined when a learner or the alliance asks. */
export async function actingMemberOf(actor: CommandActor, knowledge: EnrolmentKnowledge): Promise<MemberStanding | undefined> {
  if (!STAFF.includes(actor.role) || !actor.institution) return undefined;
  return knowledge.memberStanding(actor.institution);
}
