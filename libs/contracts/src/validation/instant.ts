import { IsISO8601, type ValidationOptions } from 'class-validator';

/** An ISO 8601 date-time, as every timestamp in the contracts is written. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date-time', ...options });
}
