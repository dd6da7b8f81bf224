import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { InstitutionStatus } from '../../domain/institution/institution.state';
import { OptionalIntParam } from './property-decorators';

export class PageQueryDto {
  @OptionalIntParam({ minimum: 1, maximum: 100, default: 20 })
  limit?: number;

  @OptionalIntParam({ minimum: 0, default: 0 })
  offset?: number;
}

const INSTITUTION_STATUSES: InstitutionStatus[] = ['pending', 'active', 'suspended', 'removed'];

export class ListInstitutionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: INSTITUTION_STATUSES,
    description: 'pending: registered, waiting for its own admin to register a first key',
  })
  @IsOptional()
  @IsIn(INSTITUTION_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: 'DK' })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  countryCode?: string;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class ListCredentialSpecsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['draft', 'proposed', 'approved', 'published', 'superseded', 'retired'],
    description: 'Status of the newest version',
  })
  @IsOptional()
  @IsIn(['draft', 'proposed', 'approved', 'published', 'superseded', 'retired'])
  status?: string;

  @ApiPropertyOptional({ description: 'Definitions this member awards' })
  @IsOptional()
  @IsString()
  institutionId?: string;

  @OptionalIntParam({ minimum: 1, maximum: 8 })
  eqfLevel?: number;

  @ApiPropertyOptional({ enum: ['online', 'onsite', 'blended'] })
  @IsOptional()
  @IsIn(['online', 'onsite', 'blended'])
  formOfParticipation?: string;

  @ApiPropertyOptional({ description: 'Part of the title' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
