import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

const CUSTODY = ['issuance-service', 'institution'] as const;

export class ProofOfPossessionDto {
  @ApiProperty({ description: 'The nonce of the challenge from POST /institutions/{id}/key-challenges (single use, valid 10 minutes)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  nonce!: string;

  @ApiProperty({
    description: "base64url Ed25519 signature by this key over the challenge's signingInput (the RFC 8785 JCS form of the challenge)",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  signature!: string;
}

/** An Ed25519 public key, as a Multikey or a JWK, with the proof that the caller holds its private half. */
export class PublicKeyDto {
  @ApiPropertyOptional({
    description: 'Multikey: z + base58btc(0xed01 + 32-byte Ed25519 public key)',
    example: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
  })
  @IsOptional()
  @IsString()
  publicKeyMultibase?: string;

  @ApiPropertyOptional({
    description: 'Public JWK (kty OKP, crv Ed25519, x); a JWK with d is refused',
    example: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
  })
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

  @ApiProperty({ type: ProofOfPossessionDto, description: 'The answer to a key challenge issued for this keyId, signed with this key' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ProofOfPossessionDto)
  proofOfPossession!: ProofOfPossessionDto;
}

export class AddSigningKeyDto extends PublicKeyDto {
  @ApiPropertyOptional({
    description: 'Fragment of the verification method; default and only allowed value: the keyId of the challenge the proof answers',
    example: 'key-2026',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  keyId?: string;

  @ApiPropertyOptional({ description: 'Start of validity (ISO 8601, default now; never in the past)' })
  @IsOptional()
  @IsISO8601()
  validFrom?: string;

  @ApiPropertyOptional({
    description:
      'Rotation: the current key this one replaces. The old key ends the instant this one starts (now), as with POST /institutions/{id}/keys/{keyId}/rotate.',
    example: 'key-1',
  })
  @IsOptional()
  @IsString()
  replacesKeyId?: string;
}

export class RotateSigningKeyDto extends PublicKeyDto {
  @ApiPropertyOptional({
    description: 'keyId of the successor; default and only allowed value: the keyId of the challenge the proof answers',
  })
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

export class KeyChallengeRequestDto {
  @ApiProperty({
    description: 'The keyId the key will be registered under (1-64 of A-Z a-z 0-9 . _ -); the challenge is good for that key only',
    example: 'key-2026',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  keyId!: string;
}

export class RevokeSigningKeyDto {
  @ApiProperty({ example: 'private key exposed in a backup', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({
    description:
      'Compromise: from this instant (ISO 8601, not in the future, may be long past) no signature by the key counts; earlier ones stay valid. Absent: a routine retirement, the key just ends now.',
    example: '2026-03-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  compromisedSince?: string;
}

export class KeyValidityQueryDto {
  @ApiPropertyOptional({ description: 'The instant asked about (ISO 8601, default now)', example: '2026-03-01T12:00:00Z' })
  @IsOptional()
  @IsISO8601()
  at?: string;
}
