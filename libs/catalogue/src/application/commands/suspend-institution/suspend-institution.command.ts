import { IsString, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Suspends a member: it cannot award credentials, and its keys do not count as valid, until reinstated. */
export class SuspendInstitutionCommand extends BaseCommand {
  @IsString()
  institutionId!: string;

  @IsString()
  @MaxLength(1000)
  reason!: string;
}
