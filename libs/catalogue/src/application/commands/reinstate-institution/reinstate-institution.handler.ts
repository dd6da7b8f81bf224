import { Injectable } from '@nestjs/common';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import type { ReinstateInstitutionCommand } from './reinstate-institution.command';

@Injectable()
export class ReinstateInstitutionHandler {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: ReinstateInstitutionCommand): Promise<void> {
    await this.aggregates.onInstitution(command.institutionId, { type: 'ReinstateInstitution' }, command.commandContext());
  }
}
