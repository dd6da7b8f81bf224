import { stacked } from '@alliance/nest-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';

type DtoClass = new () => object;

/** One nested `dto`, validated member by member; `optional` ones may be left out. */
export function NestedDto(dto: DtoClass, description?: string, optional = false): PropertyDecorator {
  const api = { type: dto, ...(description !== undefined ? { description } : {}) };
  return stacked(
    ...presence(api, optional),
    IsObject(),
    ValidateNested(),
    Type(() => dto),
  );
}

/** A list of nested `dto`s, each validated member by member; `optional` ones may be left out. */
export function NestedDtoList(dto: DtoClass, description: string, optional = false): PropertyDecorator {
  return stacked(
    ...presence({ type: [dto], description }, optional),
    IsArray(),
    ValidateNested({ each: true }),
    Type(() => dto),
  );
}

/** An optional integer query parameter from `minimum` (to `maximum`, when given). */
export function OptionalIntParam(range: { minimum: number; maximum?: number; default?: number }): PropertyDecorator {
  const { minimum, maximum } = range;
  return stacked(
    ApiPropertyOptional(range),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(minimum),
    ...(maximum !== undefined ? [Max(maximum)] : []),
  );
}

function presence(api: Parameters<typeof ApiProperty>[0], optional: boolean): PropertyDecorator[] {
  return optional ? [ApiPropertyOptional(api), IsOptional()] : [ApiProperty(api)];
}
