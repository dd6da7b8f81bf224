import { IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Replaces a current key: it stops being valid at the instant its successor starts. */
export class RotateSigningKeyCommand extends BaseCommand {
  @IsString()
  institutionId!: string;

  @IsString()
  keyId!: string;

  @IsOptional()
  @IsString()
  newKeyId?: string;

  @IsOptional()
  @IsString()
  publicKeyMultibase?: string;

  @IsOptional()
  @IsObject()
  publicKeyJwk?: Record<string, unknown>;

  @IsOptional()
  @IsIn(['issuance-service', 'institution'])
  custody?: 'issuance-service' | 'institution';

  @IsOptional()
  @IsString()
  validUntil?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
