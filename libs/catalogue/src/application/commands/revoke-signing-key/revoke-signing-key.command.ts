import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Withdraws a key; with `compromisedSince`, also every signature made with it from then on. */
export class RevokeSigningKeyCommand extends BaseCommand {
  @IsString()
  institutionId!: string;

  @IsString()
  keyId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  @IsOptional()
  @IsString()
  compromisedSince?: string;
}
