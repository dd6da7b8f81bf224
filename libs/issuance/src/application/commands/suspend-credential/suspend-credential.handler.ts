import { Inject, Injectable } from '@nestjs/common';
import type { AggregateHandlers } from '../../issuance-handlers';
import { AGGREGATE_HANDLERS } from '../../issuance.tokens';
import { changeStatus } from '../status-authority';
import type { SuspendCredentialCommand } from './suspend-credential.command';

@Injectable()
export class SuspendCredentialHandler {
  constructor(@Inject(AGGREGATE_HANDLERS) private readonly aggregates: AggregateHandlers) {}

  execute(command: SuspendCredentialCommand) {
    return changeStatus(this.aggregates, 'SuspendCredential', command);
  }
}
