import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class ReasonDto {
  @ApiProperty({ example: 'quality assurance review pending', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

/** Recorded when a caller gives none: contracts and history always carry a reason, even an empty-handed one. */
export const NO_REASON_GIVEN = 'No reason given.';

export class OptionalReasonDto {
  @ApiPropertyOptional({
    example: 'quality assurance review pending',
    maxLength: 1000,
    description: `Recorded as "${'No reason given.'}" when absent`,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}

export class RetireCredentialSpecDto extends OptionalReasonDto {
  @ApiPropertyOptional({ description: 'Version to retire (default: the current published one)', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class ApproveCredentialSpecDto {
  @ApiPropertyOptional({ description: "The approving institution; must be the caller's own (default)" })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  institutionId?: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Approved by the study board on 2026-01-20' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class DeclineCredentialSpecDto extends ReasonDto {
  @ApiPropertyOptional({ description: "The declining institution; must be the caller's own (default)" })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  institutionId?: string;
}

export class RebuildReadModelDto {
  @ApiPropertyOptional({
    enum: ['verify', 'replace'],
    description: 'verify: rebuild beside the live tables and compare; replace: also rebuild the live tables',
  })
  @IsOptional()
  @IsIn(['verify', 'replace'])
  mode?: 'verify' | 'replace';
}
