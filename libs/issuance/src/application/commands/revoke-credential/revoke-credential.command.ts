import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

export class RevokeCredentialCommand extends BaseCommand {
  @IsUUID()
  credentialId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  /** For good: no new credential of the definition for the learner until an awarding body's admin lifts it. */
  @IsOptional()
  @IsBoolean()
  final?: boolean;
}
