import { CatalogueException } from '../../domain/catalogue.exception';
import type { InstitutionStatus } from '../../domain/institution/institution.state';
import type { CommandActor } from '../base.command';
import type { CatalogueAggregates } from '../catalogue-aggregates';

/**
 * The institution an approval or a refusal of a proposal is given for (by default the caller's own), with its
 * membership status as it stands now; refused when neither the command nor the token names one.
 */
export async function decidingInstitution(
  aggregates: CatalogueAggregates,
  command: { institutionId?: string; actor: CommandActor },
  decision: 'approve' | 'decline',
): Promise<{ institutionId: string; status: InstitutionStatus | undefined }> {
  const institutionId = command.institutionId ?? command.actor.institution;
  if (!institutionId)
    throw new CatalogueException('catalogue.approval.no-institution', `the token names no institution to ${decision} for`, 'institutionId');
  return { institutionId, status: (await aggregates.institution.state(institutionId))?.status };
}
