import { type ArgumentMetadata, Injectable, Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { RequestValidationError } from '../errors/request-validation.error';

/**
 * Refuses a path parameter that cannot be an id of this format (400 naming the parameter); an id of the
 * right format that names nothing stays the handler's 404.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    throw new RequestValidationError([{ field, message: `${field} must be a UUID` }]);
  }
}

/** A path parameter holding a UUID: `@UuidParam('id') id: string`. */
export function UuidParam(name: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, UuidParamPipe)(target, key, index);
    if (key !== undefined) ApiParam({ name, format: 'uuid', type: String })(target, key, Object.getOwnPropertyDescriptor(target, key)!);
  };
}
