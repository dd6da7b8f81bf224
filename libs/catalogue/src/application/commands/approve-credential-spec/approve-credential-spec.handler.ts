import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { decidingInstitution } from '../deciding-institution';
import { ApproveCredentialSpecCommand } from './approve-credential-spec.command';

@CommandHandler(ApproveCredentialSpecCommand)
export class ApproveCredentialSpecHandler implements ICommandHandler<ApproveCredentialSpecCommand> {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: ApproveCredentialSpecCommand): Promise<void> {
    const { institutionId, status: approverStatus } = await decidingInstitution(this.aggregates, command, 'approve');
    await this.aggregates.credentialSpec.handle(
      command.credentialSpecId,
      { type: 'ApproveCredentialSpec', institutionId, approverStatus, ...(command.comment ? { comment: command.comment } : {}) },
      command.commandContext(),
    );
  }
}
