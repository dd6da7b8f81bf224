import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** The learner, as themselves, lets another institution hold them (and enrol them by their learner id). */
export class AuthoriseInstitutionCommand extends BaseCommand {
  @IsUUID()
  learnerId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  institutionId!: string;
}
