import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsGradeValue } from '../../application/batch/result-row.input';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../../domain/knowledge';

export class AmendResultDto {
  @ApiPropertyOptional({ description: 'Client-chosen UUID: a retried request then amends once' })
  @IsOptional()
  @IsUUID()
  amendmentId?: string;

  @ApiProperty({ description: 'Why the result changes (mandatory)' })
  @IsString()
  @IsNotEmpty({ message: 'reason is required: say why the result changes' })
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({ oneOf: [{ type: 'number' }, { type: 'string' }] })
  @IsOptional()
  @IsGradeValue()
  grade?: number | string;

  @ApiPropertyOptional({ example: '2026-06-12' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'assessedOn must be a date YYYY-MM-DD' })
  assessedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  assessmentType?: string;

  @ApiPropertyOptional({ enum: SUPERVISION_LEVELS })
  @IsOptional()
  @IsIn(SUPERVISION_LEVELS)
  supervision?: SupervisionLevel;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  evidenceUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  assessor?: string;
}
