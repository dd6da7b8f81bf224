import { IsOptional, IsString, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** An awarding body refuses the proposed version; it goes back to draft for revision. */
export class DeclineCredentialSpecCommand extends BaseCommand {
  @IsString()
  credentialSpecId!: string;

  @IsOptional()
  @IsString()
  institutionId?: string;

  @IsString()
  @MaxLength(1000)
  reason!: string;
}
