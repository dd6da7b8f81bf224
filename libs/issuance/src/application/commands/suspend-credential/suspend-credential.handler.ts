import { Inject, Injectable } from '@nestjs/common';
import { issuanceStreams } from '../../issuance-streams';
import type { AggregateHandlers } from '../../issuance-handlers';
import { AGGREGATE_HANDLERS } from '../../issuance.tokens';
import { adminAuthority } from '../status-authority';
import type { SuspendCredentialCommand } from './suspend-credential.command';

@Injectable()
export class SuspendCredentialHandler {
  constructor(@Inject(AGGREGATE_HANDLERS) private readonly aggregates: AggregateHandlers) {}

  async execute(command: SuspendCredentialCommand) {
    const authority = adminAuthority(command.actor);
    const result = await this.aggregates.credentials.handle(
      issuanceStreams.credential(command.credentialId),
      { type: 'SuspendCredential', credentialId: command.credentialId, reason: command.reason, authority },
      command.context(),
    );
    return { credentialId: command.credentialId, lifecycle: result.state!.lifecycle, revision: result.nextRevision, lastPosition: result.lastPosition };
  }
}
