import { PageLimit } from '@alliance/nest-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

/** Query parameters of GET /events. */
export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'comma-separated store (service) names' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsString({ each: true })
  store?: string[];

  @ApiPropertyOptional({ description: 'exact stream id, e.g. catalogue.credential-spec-<id>' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  stream?: string;

  @ApiPropertyOptional({ description: 'stream id prefix, e.g. enrolment.enrolment-' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  streamPrefix?: string;

  @ApiPropertyOptional({ description: 'comma-separated event types' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsString({ each: true })
  type?: string[];

  @ApiPropertyOptional({ description: 'occurred at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'occurred at or before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;

  @ApiPropertyOptional({ description: 'actor subject' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ description: 'institution id' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  institution?: string;

  @PageLimit({ default: 100, maximum: 1000 })
  limit = 100;

  @ApiPropertyOptional({ description: 'cursor from the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the opaque value of a previous page' })
  cursor?: string;
}
