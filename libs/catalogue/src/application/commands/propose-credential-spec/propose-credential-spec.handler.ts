import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryCheckedHandler } from '../registry-checked.handler';
import { ProposeCredentialSpecCommand } from './propose-credential-spec.command';

@CommandHandler(ProposeCredentialSpecCommand)
export class ProposeCredentialSpecHandler extends RegistryCheckedHandler implements ICommandHandler<ProposeCredentialSpecCommand> {
  async execute(command: ProposeCredentialSpecCommand): Promise<void> {
    await this.handleOnLatest(command.credentialSpecId, (registry) => ({ type: 'ProposeCredentialSpec', registry }), command);
  }
}
