import { IsISO8601, IsOptional, IsString } from 'class-validator';
import { PublicKeyCommand } from '../public-key.command';

/** Registers a public key for a member; whoever holds the private key, the catalogue never sees it. */
export class AddSigningKeyCommand extends PublicKeyCommand<string> {
  @IsString()
  institutionId!: string;

  @IsOptional()
  @IsString()
  keyId?: string;

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
