import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';

/** One field a request got wrong: its path (`consent.textVersion`, `items[2].name`, a query or path parameter's name) and why. */
export interface FieldError {
  field: string;
  message: string;
}

/** A request whose body, query or params failed validation; carries every failing field by path. */
export class RequestValidationError extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super(`Invalid request: ${fieldErrors.map((f) => f.field).join(', ')}`);
  }
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

const BUILT_IN_TYPES: ReadonlySet<unknown> = new Set([Array, Object, String, Number, Boolean, Date]);

/**
 * Fields a DTO declares as one nested object (`learner: LearnerInput`) that received a list: class-transformer
 * turns `[{…}]` into a list of instances and `@ValidateNested` then checks each element, so without this the
 * handler would get an array where it reads an object. Iterative over the transformed DTO.
 */
export function listsInPlaceOfObjects(dto: object): ValidationError[] {
  const found: ValidationError[] = [];
  const pending: { value: object; path: string }[] = [{ value: dto, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    const prototype = Object.getPrototypeOf(value) as object | null;
    const declaredBy = prototype && prototype !== Object.prototype && prototype !== Array.prototype ? prototype : undefined;
    for (const [key, member] of Object.entries(value)) {
      const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      const declared: unknown = declaredBy ? Reflect.getMetadata('design:type', declaredBy, key) : undefined;
      if (Array.isArray(member) && typeof declared === 'function' && !BUILT_IN_TYPES.has(declared)) {
        found.push({ property: field, children: [], constraints: { isObject: `${field} must be an object, not a list` } });
      } else if (member !== null && typeof member === 'object') {
        pending.push({ value: member as object, path: field });
      }
    }
  }
  return found;
}

/** class-validator's checks, plus `listsInPlaceOfObjects`. */
class ServiceValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    return [...errors, ...listsInPlaceOfObjects(object)];
  }
}

/** The validation pipe every service installs: unknown properties rejected, payloads transformed to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ServiceValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
