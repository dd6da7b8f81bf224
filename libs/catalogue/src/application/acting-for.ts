import { CatalogueException } from '../domain/catalogue.exception';
import type { CommandActor } from './base.command';

/** An alliance-admin acts for any member; an institution-admin only for their own institution. */
export function requireActingFor(actor: CommandActor, institutionId: string, field = 'institutionId'): void {
  if (actor.role === 'alliance-admin') return;
  if (actor.role === 'institution-admin' && actor.institution === institutionId) return;
  throw CatalogueException.forbidden('institution.other-institution', `a ${actor.role} cannot act for institution ${institutionId}`, field);
}
