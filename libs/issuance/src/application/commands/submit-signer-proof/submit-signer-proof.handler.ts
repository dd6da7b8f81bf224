import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SigningRequests } from '../../signing/signing-requests';
import { SubmitSignerProofCommand, type SubmitSignerProofResult } from './submit-signer-proof.command';

@CommandHandler(SubmitSignerProofCommand)
export class SubmitSignerProofHandler implements ICommandHandler<SubmitSignerProofCommand> {
  constructor(private readonly requests: SigningRequests) {}

  execute(command: SubmitSignerProofCommand): Promise<SubmitSignerProofResult> {
    return this.requests.submitProof(command.signer(), command.credentialId, command.proof, command.commandContext());
  }
}
