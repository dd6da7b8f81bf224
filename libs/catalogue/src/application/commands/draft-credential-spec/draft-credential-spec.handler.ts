import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { RegistryCheckedHandler } from '../registry-checked.handler';
import { DraftCredentialSpecCommand } from './draft-credential-spec.command';

@CommandHandler(DraftCredentialSpecCommand)
export class DraftCredentialSpecHandler extends RegistryCheckedHandler implements ICommandHandler<DraftCredentialSpecCommand> {
  /** Returns the id of the new definition. */
  async execute(command: DraftCredentialSpecCommand): Promise<string> {
    const credentialSpecId = uuidv7();
    const { definition } = command;
    await this.handleWithRegistry(
      credentialSpecId,
      definition,
      (registry) => ({ type: 'DraftCredentialSpec', credentialSpecId, definition, registry }),
      command,
    );
    return credentialSpecId;
  }
}
