import { IsNotEmpty, IsString } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** The full history of one learner as stored, with the hash chain checked and personal fields opened or shown as erased. */
export class LearnerAuditTrailQuery extends BaseCommand {
  @IsString()
  @IsNotEmpty()
  learnerId!: string;
}
