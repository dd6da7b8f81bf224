import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { changeStatus, type StatusChanged } from '../status-authority';
import { ReinstateCredentialCommand } from './reinstate-credential.command';

@CommandHandler(ReinstateCredentialCommand)
export class ReinstateCredentialHandler implements ICommandHandler<ReinstateCredentialCommand> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
  ) {}

  execute(command: ReinstateCredentialCommand): Promise<StatusChanged> {
    return changeStatus(this.aggregates, this.knowledge, 'ReinstateCredential', command);
  }
}
