import { IsOptional, IsString, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** An awarding body's approval of the proposed version, given by one of its institution-admins. */
export class ApproveCredentialSpecCommand extends BaseCommand {
  @IsString()
  credentialSpecId!: string;

  /** Defaults to the caller's institution; naming another one is refused. */
  @IsOptional()
  @IsString()
  institutionId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
