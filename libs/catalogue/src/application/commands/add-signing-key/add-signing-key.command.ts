import { IsIn, IsISO8601, IsObject, IsOptional, IsString } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Registers a public key for a member; whoever holds the private key, the catalogue never sees it. */
export class AddSigningKeyCommand extends BaseCommand {
  @IsString()
  institutionId!: string;

  @IsOptional()
  @IsString()
  keyId?: string;

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
  @IsISO8601()
  validFrom?: string;

  @IsOptional()
  @IsISO8601()
  validUntil?: string;

  /** Makes this a rotation of that (current) key. */
  @IsOptional()
  @IsString()
  replacesKeyId?: string;
}
