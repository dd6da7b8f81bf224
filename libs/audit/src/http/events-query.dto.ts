import { PageLimit, stacked } from '@alliance/nest-kit';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

/** An optional comma-separated list of names. */
function CommaList(description: string): PropertyDecorator {
  return stacked(ApiPropertyOptional({ description }), IsOptional(), Transform(toList), IsArray(), IsString({ each: true }));
}

/** An optional string of at most `maxLength` characters. */
function BoundedText(maxLength: number, api?: ApiPropertyOptions): PropertyDecorator {
  return stacked(ApiPropertyOptional(api), IsOptional(), IsString(), MaxLength(maxLength));
}

/** An optional ISO 8601 instant. */
function Instant(description: string): PropertyDecorator {
  return stacked(ApiPropertyOptional({ description }), IsOptional(), IsISO8601({ strict: true }));
}

/** Query parameters of GET /events. */
export class EventsQueryDto {
  @CommaList('comma-separated store (service) names')
  store?: string[];

  @BoundedText(300, { description: 'exact stream id, e.g. catalogue.credential-spec-<id>' })
  stream?: string;

  @BoundedText(300, { description: 'stream id prefix, e.g. enrolment.enrolment-' })
  streamPrefix?: string;

  @CommaList('comma-separated event types')
  type?: string[];

  @Instant('occurred at or after (ISO 8601)')
  from?: string;

  @Instant('occurred at or before (ISO 8601)')
  to?: string;

  @BoundedText(200)
  correlationId?: string;

  @BoundedText(200, { description: 'actor subject' })
  actor?: string;

  @BoundedText(200, { description: 'institution id' })
  institution?: string;

  @PageLimit({ default: 100, maximum: 1000 })
  limit = 100;

  @ApiPropertyOptional({ description: 'cursor from the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the opaque value of a previous page' })
  cursor?: string;
}
