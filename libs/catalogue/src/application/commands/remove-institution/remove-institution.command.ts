import { IsString, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Removes a member for good; its record and key history stay, read-only, for verifiers. */
export class RemoveInstitutionCommand extends BaseCommand {
  @IsString()
  institutionId!: string;

  @IsString()
  @MaxLength(1000)
  reason!: string;
}
