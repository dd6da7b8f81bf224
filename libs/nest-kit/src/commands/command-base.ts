import type { CommandContext } from '@alliance/event-sourcing';
import { Command } from '@nestjs/cqrs';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, ValidateNested, validateSync, type ValidationError } from 'class-validator';
import { ROLES } from '../context/request-context';
import { flattenValidationErrors } from '../errors/request-validation.error';

/** The API roles, plus `system` for commands caused by another context's integration event. */
export const COMMAND_ROLES = [...ROLES, 'system'] as const;

export interface CommandBaseOptions<R extends string> {
  /** The roles an actor may have in this context; without them any role, or none, is taken as given. */
  roles?: readonly R[];
  /**
   * The context's own exception for a command that fails validation, so its errors keep the context's codes.
   * `fields` are flattened the way request errors are; `errors` are class-validator's own, for rule names.
   */
  invalid: (fields: { field: string; message: string }[], errors: ValidationError[]) => Error;
}

/**
 * The base every context's commands extend: who asks and the correlation id of the request (or of the
 * integration event that caused it), so no event can be written without them. Commands check themselves
 * when built: a command that exists is a valid one. A factory, because the roles are checked by decorator.
 */
export function commandBase<R extends string = never>({ roles, invalid }: CommandBaseOptions<R>) {
  const roleRule: PropertyDecorator = roles
    ? IsIn(roles)
    : (target, key) => {
        IsString()(target, key);
        IsOptional()(target, key);
      };

  class CommandActor {
    @IsString()
    @IsNotEmpty()
    subject!: string;

    @roleRule
    role?: string;

    @IsOptional()
    @IsString()
    institution?: string;
  }

  // `Result` is what the command's handler returns, so `CommandBus.execute` is typed.
  abstract class BaseCommand<Result = void> extends Command<Result> {
    @ValidateNested()
    @Type(() => CommandActor)
    actor!: CommandActorOf<R>;

    @IsString()
    @IsNotEmpty()
    correlationId!: string;

    @IsOptional()
    @IsString()
    causationId?: string;

    static create<T extends BaseCommand<unknown>>(this: new () => T, props: CommandProps<T>): T {
      const command = plainToInstance(this, props);
      const errors = validateSync(command);
      if (errors.length > 0) throw invalid(flattenValidationErrors(errors), errors);
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

  return BaseCommand;
}

/** Who asks: a role from the context's list, or any role at all when the context names none. */
export type CommandActorOf<R extends string> = [R] extends [never]
  ? { subject: string; role?: string; institution?: string }
  : { subject: string; role: R; institution?: string };

/** The data fields of a command (no methods, nor the bus's symbol-keyed result type). */
export type CommandProps<T> = {
  [K in keyof T as K extends symbol ? never : T[K] extends (...args: never[]) => unknown ? never : K]: T[K];
};
