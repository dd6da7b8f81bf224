import type { CommandContext } from '@alliance/event-sourcing';
import { flattenValidationErrors } from '@alliance/nest-kit';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, ValidateNested, validateSync } from 'class-validator';
import { AssessmentException } from '../domain/assessment.exception';

/** The API roles, plus `system` for commands caused by another context's integration event. */
export const ROLES = ['alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner', 'system'] as const;

export class CommandActor {
  @IsString()
  @IsNotEmpty()
  subject!: string;

  @IsIn(ROLES)
  role!: (typeof ROLES)[number];

  @IsOptional()
  @IsString()
  institution?: string;
}

/**
 * Every assessment command carries who asks and the correlation id of the request (or of the integration
 * event that caused it), so no event can be written without them. Commands check themselves when built.
 */
export abstract class BaseCommand {
  @ValidateNested()
  @Type(() => CommandActor)
  actor!: CommandActor;

  @IsString()
  @IsNotEmpty()
  correlationId!: string;

  @IsOptional()
  @IsString()
  causationId?: string;

  static create<T extends BaseCommand>(this: new () => T, props: CommandProps<T>): T {
    const command = plainToInstance(this, props);
    const errors = flattenValidationErrors(validateSync(command));
    if (errors.length > 0) {
      throw AssessmentException.invalid('command-invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors[0].field, { errors });
    }
    return command;
  }

  /** The kernel's view of who caused the events this command writes. */
  commandContext(): CommandContext {
    const { subject, role, institution } = this.actor;
    return {
      actor: { subject, role, ...(institution ? { institution } : {}) },
      correlationId: this.correlationId,
      ...(this.causationId ? { causationId: this.causationId } : {}),
    };
  }
}

/** The data fields of a command (no methods). */
export type CommandProps<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };
