import { KeyPossessionChallengeV1 } from '@alliance/contracts';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { BaseCommand } from '../../base.command';

export class GenerateSigningKeyCommand extends BaseCommand {
  @IsUUID()
  institutionId!: string;

  /** The catalogue's possession challenge for the key about to be registered; the new key signs it. */
  @ValidateNested()
  @Type(() => KeyPossessionChallengeV1)
  challenge!: KeyPossessionChallengeV1;
}
