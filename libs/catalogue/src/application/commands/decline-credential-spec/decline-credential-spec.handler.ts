import { Injectable } from '@nestjs/common';
import { CatalogueException } from '../../../domain/catalogue.exception';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import type { DeclineCredentialSpecCommand } from './decline-credential-spec.command';

@Injectable()
export class DeclineCredentialSpecHandler {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: DeclineCredentialSpecCommand): Promise<void> {
    const institutionId = command.institutionId ?? command.actor.institution;
    if (!institutionId)
      throw new CatalogueException('catalogue.approval.no-institution', 'the token names no institution to decline for', 'institutionId');
    const declinerStatus = (await this.aggregates.institution(institutionId))?.status;
    await this.aggregates.onCredentialSpec(
      command.credentialSpecId,
      { type: 'DeclineCredentialSpec', institutionId, declinerStatus, reason: command.reason },
      command.commandContext(),
    );
  }
}
