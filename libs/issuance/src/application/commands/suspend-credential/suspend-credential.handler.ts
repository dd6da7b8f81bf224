import { Inject, Injectable } from '@nestjs/common';
import type { AggregateHandlers } from '../../issuance-handlers';
import { AGGREGATE_HANDLERS, KNOWLEDGE } from '../../issuance.tokens';
import type { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { changeStatus } from '../status-authority';
import type { SuspendCredentialCommand } from './suspend-credential.command';

@Injectable()
export class SuspendCredentialHandler {
  constructor(
    @Inject(AGGREGATE_HANDLERS) private readonly aggregates: AggregateHandlers,
    @Inject(KNOWLEDGE) private readonly knowledge: KnowledgeReader,
  ) {}

  execute(command: SuspendCredentialCommand) {
    return changeStatus(this.aggregates, this.knowledge, 'SuspendCredential', command);
  }
}
