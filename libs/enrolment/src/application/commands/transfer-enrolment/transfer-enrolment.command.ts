import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Moves an active enrolment to a newer published version of its definition, explicitly and with a reason. */
export class TransferEnrolmentCommand extends BaseCommand {
  @IsString()
  @IsNotEmpty()
  enrolmentId!: string;

  /** Defaults to the current published version. */
  @IsOptional()
  @IsInt()
  @Min(1)
  toVersion?: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
