import { commandBase } from '@alliance/nest-kit';
import type { ValidationError } from 'class-validator';
import { IssuanceException, violation, type Violation } from '../domain/issuance.exception';

/**
 * Issuance commands, requests and process steps alike. The role is taken as given (the handlers decide who may
 * act, see status-authority); each broken rule is a violation named after it.
 */
export abstract class BaseCommand extends commandBase({
  invalid: (_fields, errors) => IssuanceException.invalid(flatten(errors)),
}) {}

export type CommandActor = BaseCommand['actor'];

/** Issuance itself, when it acts on events rather than on a request (the process manager, automatic signing). */
export const ISSUANCE_PROCESS_ACTOR: CommandActor = { subject: 'issuance-process-manager', role: 'system' };

function flatten(errors: ValidationError[], parent = ''): Violation[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => violation(field, `command.${rule}`, message));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
