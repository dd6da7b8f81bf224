import { KeyPossessionChallengeV1 } from '@alliance/contracts';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { BaseCommand } from '../../base.command';

export class GenerateSigningKeyCommand extends BaseCommand {
  @IsUUID()
  institutionId!: string;

  /** The catalogue's possession challenge for the key about to be registered; the new key signs it. */
  // Optional here so that who may ask is decided before what was asked (403 before 422); the handler requires it.
  @IsOptional()
  @ValidateNested()
  @Type(() => KeyPossessionChallengeV1)
  challenge?: KeyPossessionChallengeV1;
}
