import { Injectable } from '@nestjs/common';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import type { SuspendInstitutionCommand } from './suspend-institution.command';

@Injectable()
export class SuspendInstitutionHandler {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: SuspendInstitutionCommand): Promise<void> {
    await this.aggregates.onInstitution(
      command.institutionId,
      { type: 'SuspendInstitution', reason: command.reason },
      command.commandContext(),
    );
  }
}
