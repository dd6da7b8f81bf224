import { IsObject, IsString } from 'class-validator';
import type { CredentialSpecDefinition } from '../../../domain/credential-spec/definition';
import { BaseCommand } from '../../base.command';

/** Opens the next version of a published definition: the latest definition with these top-level elements changed. */
export class DraftCredentialSpecVersionCommand extends BaseCommand<number> {
  @IsString()
  credentialSpecId!: string;

  @IsObject()
  changes!: Partial<CredentialSpecDefinition>;
}
