import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

export interface InstitutionAuthorisation {
  learnerId: string;
  institutionId: string;
  /** False when the institution already held the learner (nothing was recorded). */
  newlyAuthorised: boolean;
}

/** The learner, as themselves, lets another institution hold them (and enrol them by their learner id). */
export class AuthoriseInstitutionCommand extends BaseCommand<InstitutionAuthorisation> {
  @IsUUID()
  learnerId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  institutionId!: string;
}
