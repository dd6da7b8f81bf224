import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PublicKeyCommand } from '../public-key.command';

/** Replaces a current key: it stops being valid at the instant its successor starts. */
export class RotateSigningKeyCommand extends PublicKeyCommand<string> {
  @IsString()
  institutionId!: string;

  @IsString()
  keyId!: string;

  @IsOptional()
  @IsString()
  newKeyId?: string;

  @IsOptional()
  @IsString()
  validUntil?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
