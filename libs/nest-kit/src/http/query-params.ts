import { stacked } from '../decorators/stacked';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import { MAX_PAGE_NUMBER } from './input/request-input.interceptor';

/** An optional, non-empty string query parameter (a filter). */
export function OptionalText(api?: ApiPropertyOptions): PropertyDecorator {
  return stacked(ApiPropertyOptional(api), IsOptional(), IsString(), IsNotEmpty());
}

/** The page size of a list query: an integer from 1 to `maximum`, `default` when absent. */
export function PageLimit(page: { default: number; maximum: number }): PropertyDecorator {
  return stacked(
    ApiPropertyOptional({ default: page.default, maximum: page.maximum }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(page.maximum),
  );
}

/** How many items of a list query to skip: an integer from 0 to MAX_PAGE_NUMBER, 0 when absent. */
export function PageOffset(): PropertyDecorator {
  return stacked(
    ApiPropertyOptional({ default: 0, maximum: MAX_PAGE_NUMBER }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(MAX_PAGE_NUMBER),
  );
}
