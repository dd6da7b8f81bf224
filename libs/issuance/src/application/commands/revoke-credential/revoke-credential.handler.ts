import { Inject, Injectable } from '@nestjs/common';
import type { AggregateHandlers } from '../../issuance-handlers';
import { AGGREGATE_HANDLERS } from '../../issuance.tokens';
import { changeStatus } from '../status-authority';
import type { RevokeCredentialCommand } from './revoke-credential.command';

@Injectable()
export class RevokeCredentialHandler {
  constructor(@Inject(AGGREGATE_HANDLERS) private readonly aggregates: AggregateHandlers) {}

  execute(command: RevokeCredentialCommand) {
    return changeStatus(this.aggregates, 'RevokeCredential', command);
  }
}
