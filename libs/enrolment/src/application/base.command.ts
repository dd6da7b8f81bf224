import { COMMAND_ROLES, commandBase } from '@alliance/nest-kit';
import { EnrolmentException } from '../domain/enrolment.exception';

/** Enrolment commands, requests and integration events alike; an invalid one fails as `enrolment.command-invalid`. */
export abstract class BaseCommand extends commandBase({
  roles: COMMAND_ROLES,
  invalid: (errors) =>
    new EnrolmentException('enrolment.command-invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors[0].field, {
      errors,
    }),
}) {}

export type CommandActor = BaseCommand['actor'];
