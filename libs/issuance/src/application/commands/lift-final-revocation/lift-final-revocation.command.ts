import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** An awarding body's admin lets the learner be awarded the definition again after a revocation for good. */
export class LiftFinalRevocationCommand extends BaseCommand {
  @IsUUID()
  credentialId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
