import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Retires a published version: no new enrolments or awards; credentials already issued stay valid. */
export class RetireCredentialSpecCommand extends BaseCommand {
  @IsString()
  credentialSpecId!: string;

  /** Defaults to the current published version. */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @IsString()
  @MaxLength(1000)
  reason!: string;
}
