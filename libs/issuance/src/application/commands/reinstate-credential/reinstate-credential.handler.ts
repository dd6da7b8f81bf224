import { Inject, Injectable } from '@nestjs/common';
import type { AggregateHandlers } from '../../issuance-handlers';
import { AGGREGATE_HANDLERS } from '../../issuance.tokens';
import { changeStatus } from '../status-authority';
import type { ReinstateCredentialCommand } from './reinstate-credential.command';

@Injectable()
export class ReinstateCredentialHandler {
  constructor(@Inject(AGGREGATE_HANDLERS) private readonly aggregates: AggregateHandlers) {}

  execute(command: ReinstateCredentialCommand) {
    return changeStatus(this.aggregates, 'ReinstateCredential', command);
  }
}
