import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_SIGNING_POLICY } from '../../../domain/signing/signer.state';
import type { AggregateHandlers } from '../../issuance-handlers';
import { issuanceStreams } from '../../issuance-streams';
import { AGGREGATE_HANDLERS } from '../../issuance.tokens';
import type { SetSigningPolicyCommand } from './set-signing-policy.command';

/** Automatic: the platform signs as soon as it holds a registered key. Manual: each credential waits for the admin. */
@Injectable()
export class SetSigningPolicyHandler {
  constructor(@Inject(AGGREGATE_HANDLERS) private readonly aggregates: AggregateHandlers) {}

  async execute(command: SetSigningPolicyCommand) {
    const result = await this.aggregates.signers.handle(
      issuanceStreams.signer(command.institutionId),
      { type: 'SetSigningPolicy', institutionId: command.institutionId, policy: command.policy },
      command.commandContext(),
    );
    return { institutionId: command.institutionId, policy: result.state?.policy ?? DEFAULT_SIGNING_POLICY };
  }
}
