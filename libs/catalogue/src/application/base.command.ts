import { commandBase, ROLES } from '@alliance/nest-kit';
import { CatalogueException, violation } from '../domain/catalogue.exception';

/** Catalogue commands come from API requests only, so there is no `system` actor; every broken field is a violation. */
export abstract class BaseCommand extends commandBase({
  roles: ROLES,
  invalid: (errors) => CatalogueException.invalid(errors.map((e) => violation(e.field, 'command.invalid', e.message))),
}) {}

export type CommandActor = BaseCommand['actor'];
