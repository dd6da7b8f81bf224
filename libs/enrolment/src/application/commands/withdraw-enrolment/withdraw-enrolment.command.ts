import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Ends an active enrolment before completion (the learner left, or was removed), with the reason. */
export class WithdrawEnrolmentCommand extends BaseCommand {
  @IsString()
  @IsNotEmpty()
  enrolmentId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
