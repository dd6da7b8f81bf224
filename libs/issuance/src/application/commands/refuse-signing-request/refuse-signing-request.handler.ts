import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SigningRequests } from '../../signing/signing-requests';
import { RefuseSigningRequestCommand, type RefuseSigningRequestResult } from './refuse-signing-request.command';

@CommandHandler(RefuseSigningRequestCommand)
export class RefuseSigningRequestHandler implements ICommandHandler<RefuseSigningRequestCommand> {
  constructor(private readonly requests: SigningRequests) {}

  execute(command: RefuseSigningRequestCommand): Promise<RefuseSigningRequestResult> {
    const { credentialId, code, reason } = command;
    return this.requests.refuse(command.signer(), credentialId, code, reason, command.commandContext());
  }
}
