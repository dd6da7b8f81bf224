import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryCheckedHandler } from '../registry-checked.handler';
import { PublishCredentialSpecCommand } from './publish-credential-spec.command';

@CommandHandler(PublishCredentialSpecCommand)
export class PublishCredentialSpecHandler extends RegistryCheckedHandler implements ICommandHandler<PublishCredentialSpecCommand> {
  async execute(command: PublishCredentialSpecCommand): Promise<void> {
    await this.handleOnLatest(command.credentialSpecId, (registry) => ({ type: 'PublishCredentialSpec', registry }), command);
  }
}
