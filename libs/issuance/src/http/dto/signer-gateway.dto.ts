import type { SignerProofV1, SignerRefusalV1, StatusListProofV1 } from '@alliance/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class SignerProofDto implements SignerProofV1 {
  @ApiProperty({ description: "One DataIntegrityProof over the request's unsigned document, made with a key the institution holds" })
  @IsObject()
  proof!: Record<string, unknown>;
}

export class SignerRefusalDto implements SignerRefusalV1 {
  @ApiProperty({ example: 'definition.not-approved' })
  @Matches(/^[a-z0-9][a-z0-9.-]{0,63}$/, { message: 'code must be 1-64 of a-z 0-9 . -' })
  code!: string;

  @ApiProperty({ example: 'definition 1f0… is not on the list this university approved' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class StatusListProofDto implements StatusListProofV1 {
  @ApiProperty({ description: 'The changedPosition of the list as it was handed out' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  changedPosition!: number;

  @ApiProperty({ description: 'One DataIntegrityProof over the unsigned list, made with a key the institution holds' })
  @IsObject()
  proof!: Record<string, unknown>;
}

export class SigningRequestsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit = 20;
}
