import { IsObject, IsOptional, IsUUID } from 'class-validator';
import { BaseCommand } from '../../base.command';

/**
 * An awarding body's admin signs a credential waiting for it: with the key the platform holds for the
 * institution (no proof given), or by handing in a Data Integrity proof the institution made itself.
 */
export class EndorseCredentialCommand extends BaseCommand {
  @IsUUID()
  credentialId!: string;

  @IsOptional()
  @IsObject()
  proof?: Record<string, unknown>;
}
