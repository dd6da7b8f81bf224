import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CredentialSpecDefinition } from '../../../domain/credential-spec/definition';
import { latestVersion } from '../../../domain/credential-spec/credential-spec.state';
import { RegistryCheckedHandler } from '../registry-checked.handler';
import { ReviseCredentialSpecDraftCommand } from './revise-credential-spec-draft.command';

@CommandHandler(ReviseCredentialSpecDraftCommand)
export class ReviseCredentialSpecDraftHandler extends RegistryCheckedHandler implements ICommandHandler<ReviseCredentialSpecDraftCommand> {
  async execute(command: ReviseCredentialSpecDraftCommand): Promise<void> {
    const current = await this.existing(command.credentialSpecId);
    const definition = (
      command.mode === 'merge' ? { ...latestVersion(current).definition, ...command.definition } : command.definition
    ) as CredentialSpecDefinition;
    await this.handleWithRegistry(
      command.credentialSpecId,
      definition,
      (registry) => ({ type: 'ReviseCredentialSpecDraft', definition, registry }),
      command,
    );
  }
}
