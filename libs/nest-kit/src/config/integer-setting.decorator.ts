import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { stacked } from '../decorators/stacked';

/**
 * A whole-number setting read from the environment: converted from its text, then checked to be an integer of
 * at least `min` (and at most `max` when given). The same checks, applied in the same order, as the stack
 * `@Type(() => Number) @IsInt() @Min(min) @Max(max)`.
 */
export function IntegerSetting(min: number, max?: number): PropertyDecorator {
  return stacked(
    Type(() => Number),
    IsInt(),
    Min(min),
    ...(max === undefined ? [] : [Max(max)]),
  );
}
