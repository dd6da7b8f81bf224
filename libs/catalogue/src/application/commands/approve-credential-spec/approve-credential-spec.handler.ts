import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueException } from '../../../domain/catalogue.exception';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { ApproveCredentialSpecCommand } from './approve-credential-spec.command';

@CommandHandler(ApproveCredentialSpecCommand)
export class ApproveCredentialSpecHandler implements ICommandHandler<ApproveCredentialSpecCommand> {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: ApproveCredentialSpecCommand): Promise<void> {
    const institutionId = command.institutionId ?? command.actor.institution;
    if (!institutionId)
      throw new CatalogueException('catalogue.approval.no-institution', 'the token names no institution to approve for', 'institutionId');
    const approverStatus = (await this.aggregates.institution.state(institutionId))?.status;
    await this.aggregates.credentialSpec.handle(
      command.credentialSpecId,
      { type: 'ApproveCredentialSpec', institutionId, approverStatus, ...(command.comment ? { comment: command.comment } : {}) },
      command.commandContext(),
    );
  }
}
