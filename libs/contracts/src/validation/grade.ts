import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A grade on the definition's scheme: a finite number (numeric scales) or a non-empty label (letters, pass). */
export function IsGrade(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isGrade',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim().length > 0),
        defaultMessage: () => '$property must be a finite number or a non-empty string',
      },
    },
    options,
  );
}
