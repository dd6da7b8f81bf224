import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Erases a learner's personal data on request (GDPR art. 17) by destroying their key. */
export class EraseLearnerCommand extends BaseCommand {
  @IsString()
  @IsNotEmpty()
  learnerId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
