import { plainToInstance, Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, ValidateNested, validateSync, type ValidationError } from 'class-validator';
import type { CommandContext } from '@alliance/event-sourcing';
import { IssuanceException, violation, type Violation } from '../domain/issuance.exception';

export class CommandActor {
  @IsString()
  @IsNotEmpty()
  subject!: string;

  @IsOptional()
  @IsString()
  role?: string;

  @IsOptional()
  @IsString()
  institution?: string;
}

/** Issuance itself, when it acts on events rather than on a request (the process manager, automatic signing). */
export const ISSUANCE_PROCESS_ACTOR: CommandActor = { subject: 'issuance-process-manager', role: 'system' };

type CommandProps<C> = Omit<{ [K in keyof C as C[K] extends (...args: never[]) => unknown ? never : K]: C[K] }, 'institution'>;

/**
 * Every issuance command carries who asks (actor, their institution) and the causal chain (correlation,
 * causation), and validates itself when built, so no invalid command ever reaches a handler.
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

  /** The institution the actor acts for, if any. */
  get institution(): string | undefined {
    return this.actor.institution;
  }

  protected static build<C extends BaseCommand>(ctor: new () => C, props: CommandProps<C>): C {
    const command = plainToInstance(ctor, props as object);
    const errors = validateSync(command, { forbidUnknownValues: true });
    if (errors.length > 0) throw IssuanceException.invalid(flatten(errors));
    return command;
  }

  context(): CommandContext {
    return { actor: { ...this.actor }, correlationId: this.correlationId, ...(this.causationId ? { causationId: this.causationId } : {}) };
  }
}

function flatten(errors: ValidationError[], parent = ''): Violation[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => violation(field, `command.${rule}`, message));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
