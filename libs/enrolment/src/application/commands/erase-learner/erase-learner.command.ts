import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

export interface ErasureOutcome {
  learnerId: string;
  erased: true;
  /** False when the learner had been erased before (the request changed nothing). */
  newlyErased: boolean;
  withdrawnEnrolmentIds: string[];
}

/** Erases a learner's personal data on request (GDPR art. 17) by destroying their key. */
export class EraseLearnerCommand extends BaseCommand<ErasureOutcome> {
  @IsString()
  @IsNotEmpty()
  learnerId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
