import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { latestVersion } from '../../../domain/credential-spec/credential-spec.state';
import { RegistryCheckedHandler } from '../registry-checked.handler';
import { DraftCredentialSpecVersionCommand } from './draft-credential-spec-version.command';

@CommandHandler(DraftCredentialSpecVersionCommand)
export class DraftCredentialSpecVersionHandler
  extends RegistryCheckedHandler
  implements ICommandHandler<DraftCredentialSpecVersionCommand>
{
  /** Returns the number of the new version. */
  async execute(command: DraftCredentialSpecVersionCommand): Promise<number> {
    const current = await this.existing(command.credentialSpecId);
    const definition = { ...latestVersion(current).definition, ...command.changes };
    const state = await this.handleWithRegistry(
      command.credentialSpecId,
      definition,
      (registry) => ({ type: 'DraftCredentialSpecVersion', definition, registry }),
      command,
    );
    return latestVersion(state).version;
  }
}
