import { CatalogueException } from '../catalogue.exception';
import type { InstitutionStatus } from './institution.state';

/**
 * A suspended member reads but does not act until it is reinstated; a removed one no longer acts at all.
 * Pending and active members act as their other rules allow. The refusal names the standing in its code
 * (`catalogue.member-suspended`, `catalogue.member-removed`) so a client can tell it from any other 403.
 */
export function requireMemberMayAct(institutionId: string, status: InstitutionStatus | undefined): void {
  if (status === 'suspended') {
    throw new CatalogueException(
      'catalogue.member-suspended',
      `institution ${institutionId} is suspended from the alliance: its staff may read but not act until it is reinstated`,
    );
  }
  if (status === 'removed') {
    throw new CatalogueException(
      'catalogue.member-removed',
      `institution ${institutionId} has been removed from the alliance: it can no longer act`,
    );
  }
}
