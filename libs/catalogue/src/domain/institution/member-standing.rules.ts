import { memberMayNotAct } from '@alliance/contracts';
import { CatalogueException } from '../catalogue.exception';
import type { InstitutionStatus } from './institution.state';

/**
 * The alliance's standing rule (`memberMayNotAct`) as the catalogue refuses: the code names the standing
 * (`catalogue.member-suspended`, `catalogue.member-removed`) so a client can tell it from any other 403.
 */
export function requireMemberMayAct(institutionId: string, status: InstitutionStatus | undefined): void {
  const refusal = memberMayNotAct(institutionId, status);
  if (refusal) throw new CatalogueException(`catalogue.${refusal.rule}`, refusal.message);
}
