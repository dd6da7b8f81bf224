import { Injectable } from '@nestjs/common';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import type { RemoveInstitutionCommand } from './remove-institution.command';

@Injectable()
export class RemoveInstitutionHandler {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: RemoveInstitutionCommand): Promise<void> {
    await this.aggregates.onInstitution(
      command.institutionId,
      { type: 'RemoveInstitution', reason: command.reason },
      command.commandContext(),
    );
  }
}
