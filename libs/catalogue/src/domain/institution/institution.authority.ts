import type { Actor } from '@alliance/event-sourcing';
import { CatalogueException } from '../catalogue.exception';

/**
 * A co-signature means the institution agreed, so its keys are its own business: only an institution-admin
 * of that very institution registers, rotates or revokes them. The alliance-admin is refused like anyone else.
 */
export function requireOwnInstitutionAdmin(actor: Actor, institutionId: string): void {
  if (actor.role === 'institution-admin' && actor.institution === institutionId) return;
  const who =
    actor.role === 'institution-admin'
      ? `an institution-admin of ${actor.institution ?? 'no institution'}`
      : `a ${actor.role ?? 'caller without a role'}`;
  throw new CatalogueException(
    'catalogue.key.not-own-institution',
    `only an institution-admin of ${institutionId} manages its keys; ${who} cannot`,
  );
}

/** Membership (registering, suspending, reinstating, removing) is the alliance's decision. */
export function requireAllianceAdmin(actor: Actor): void {
  if (actor.role === 'alliance-admin') return;
  throw new CatalogueException(
    'catalogue.institution.alliance-admin-only',
    `only an alliance-admin manages membership; a ${actor.role ?? 'caller without a role'} cannot`,
  );
}
