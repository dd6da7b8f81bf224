import { IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Issuance issued a credential: the enrolment it was earned in is complete. */
export class CompleteEnrolmentCommand extends BaseCommand {
  @IsString()
  @IsNotEmpty()
  learnerId!: string;

  @IsOptional()
  @IsString()
  enrolmentId?: string;

  @IsString()
  @IsNotEmpty()
  credentialSpecId!: string;

  @IsString()
  @IsNotEmpty()
  credentialId!: string;

  @IsOptional()
  @IsISO8601()
  issuedAt?: string;
}
