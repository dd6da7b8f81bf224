import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { changeStatus, type StatusChanged } from '../status-authority';
import { SuspendCredentialCommand } from './suspend-credential.command';

@CommandHandler(SuspendCredentialCommand)
export class SuspendCredentialHandler implements ICommandHandler<SuspendCredentialCommand> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
  ) {}

  execute(command: SuspendCredentialCommand): Promise<StatusChanged> {
    return changeStatus(this.aggregates, this.knowledge, 'SuspendCredential', command);
  }
}
