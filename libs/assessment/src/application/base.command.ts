import { COMMAND_ROLES, commandBase } from '@alliance/nest-kit';
import { AssessmentException } from '../domain/assessment.exception';

/** Assessment commands, requests and integration events alike; an invalid one fails as `assessment.command-invalid`. */
export abstract class BaseCommand extends commandBase({
  roles: COMMAND_ROLES,
  invalid: (errors) =>
    new AssessmentException('assessment.command-invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors[0].field, {
      errors,
    }),
}) {}

export type CommandActor = BaseCommand['actor'];
