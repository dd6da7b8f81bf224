import { commandBase, ROLES } from '@alliance/nest-kit';
import { CatalogueException, violation } from '../domain/catalogue.exception';

const CommandBase = commandBase({
  roles: ROLES,
  invalid: (errors) => CatalogueException.invalid(errors.map((e) => violation(e.field, 'command.invalid', e.message))),
});

/**
 * Catalogue commands come from API requests only, so there is no `system` actor; every broken field is a violation.
 * `R` is what the command's handler returns (a @nestjs/cqrs `Command<R>`), so `CommandBus.execute` is typed.
 */
export abstract class BaseCommand<R = void> extends CommandBase<R> {}

export type CommandActor = BaseCommand['actor'];
