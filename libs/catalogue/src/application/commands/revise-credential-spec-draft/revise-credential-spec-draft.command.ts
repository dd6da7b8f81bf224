import { IsIn, IsObject, IsString } from 'class-validator';
import type { CredentialSpecDefinition } from '../../../domain/credential-spec/definition';
import { BaseCommand } from '../../base.command';

/**
 * Edits the draft version: `replace` takes the definition as given, `merge` changes only the top-level
 * elements given. Published versions are never edited (the domain refuses it).
 */
export class ReviseCredentialSpecDraftCommand extends BaseCommand {
  @IsString()
  credentialSpecId!: string;

  @IsIn(['replace', 'merge'])
  mode!: 'replace' | 'merge';

  @IsObject()
  definition!: Partial<CredentialSpecDefinition>;
}
