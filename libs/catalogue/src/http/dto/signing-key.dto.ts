import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

const CUSTODY = ['issuance-service', 'institution'] as const;

/** An Ed25519 public key, as a Multikey or a JWK. Private key material is refused. */
export class PublicKeyDto {
  @ApiPropertyOptional({ description: 'Multikey: z + base58btc(0xed01 + 32-byte Ed25519 public key)', example: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' })
  @IsOptional()
  @IsString()
  publicKeyMultibase?: string;

  @ApiPropertyOptional({ description: 'Public JWK (kty OKP, crv Ed25519, x); a JWK with d is refused', example: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } })
  @IsOptional()
  @IsObject()
  publicKeyJwk?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: CUSTODY, description: 'Who holds the private key (default institution)' })
  @IsOptional()
  @IsIn(CUSTODY)
  custody?: (typeof CUSTODY)[number];

  @ApiPropertyOptional({ description: 'Planned end of validity (ISO 8601)' })
  @IsOptional()
  @IsISO8601()
  validUntil?: string;
}

export class AddSigningKeyDto extends PublicKeyDto {
  @ApiPropertyOptional({ description: 'Fragment of the verification method (default key-<n>)', example: 'key-2026' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  keyId?: string;

  @ApiPropertyOptional({ description: 'Start of validity (ISO 8601, default now; never in the past)' })
  @IsOptional()
  @IsISO8601()
  validFrom?: string;

  @ApiPropertyOptional({
    description: 'Rotation: the current key this one replaces. The old key ends the instant this one starts (now), as with POST /institutions/{id}/keys/{keyId}/rotate.',
    example: 'key-1',
  })
  @IsOptional()
  @IsString()
  replacesKeyId?: string;
}

export class RotateSigningKeyDto extends PublicKeyDto {
  @ApiPropertyOptional({ description: 'keyId of the successor (default key-<n>)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  newKeyId?: string;

  @ApiPropertyOptional({ example: 'yearly rotation' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class KeyValidityQueryDto {
  @ApiPropertyOptional({ description: 'The instant asked about (ISO 8601, default now)', example: '2026-03-01T12:00:00Z' })
  @IsOptional()
  @IsISO8601()
  at?: string;
}
