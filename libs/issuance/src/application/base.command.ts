import type { Command } from '@nestjs/cqrs';
import { commandBase, type CommandProps } from '@alliance/nest-kit';
import type { ValidationError } from 'class-validator';
import { IssuanceException, violation, type Violation } from '../domain/issuance.exception';

/**
 * Issuance commands, requests and process steps alike. The role is taken as given (the handlers decide who may
 * act, see status-authority); each broken rule is a violation named after it.
 */
abstract class IssuanceCommand extends commandBase({
  invalid: (_fields, errors) => IssuanceException.invalid(flatten(errors)),
}) {}

/** The data fields of an issuance command, as `create` takes them. */
type Fields<T> = CommandProps<Omit<T, keyof Command<unknown>>>;

/**
 * An issuance command is a bus `Command<R>` (R: what its handler returns), so `commandBus.execute` is typed.
 * `Command` is a type-level marker only, so the validating base above stays the one runtime superclass.
 */
export type BaseCommand<R = unknown> = Omit<IssuanceCommand, keyof Command<unknown>> & Command<R>;
export const BaseCommand = IssuanceCommand as unknown as (abstract new <R = void>() => BaseCommand<R>) & {
  create<T extends BaseCommand>(this: new () => T, props: Fields<T>): T;
};

export type CommandActor = IssuanceCommand['actor'];

/** Issuance itself, when it acts on events rather than on a request (the process manager, automatic signing). */
export const ISSUANCE_PROCESS_ACTOR: CommandActor = { subject: 'issuance-process-manager', role: 'system' };

function flatten(errors: ValidationError[], parent = ''): Violation[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => violation(field, `command.${rule}`, message));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
