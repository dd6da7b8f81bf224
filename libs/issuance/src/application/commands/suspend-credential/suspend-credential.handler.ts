import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AggregateHandlers } from '../../issuance-handlers';
import { AGGREGATE_HANDLERS } from '../../issuance.tokens';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { changeStatus, type StatusChanged } from '../status-authority';
import { SuspendCredentialCommand } from './suspend-credential.command';

@CommandHandler(SuspendCredentialCommand)
export class SuspendCredentialHandler implements ICommandHandler<SuspendCredentialCommand> {
  constructor(
    @Inject(AGGREGATE_HANDLERS) private readonly aggregates: AggregateHandlers,
    private readonly knowledge: KnowledgeReader,
  ) {}

  execute(command: SuspendCredentialCommand): Promise<StatusChanged> {
    return changeStatus(this.aggregates, this.knowledge, 'SuspendCredential', command);
  }
}
