import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** A request whose body, query or params failed validation; carries every failing field by path. */
export class RequestValidationError extends BadRequestException {
  constructor(readonly fieldErrors: { field: string; message: string }[]) {
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

/** The validation pipe every service installs: unknown properties rejected, payloads transformed to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
