import { COMMAND_ROLES, commandBase } from '@alliance/nest-kit';
import type { Query } from '@nestjs/cqrs';
import { AssessmentException } from '../domain/assessment.exception';

const AssessmentCommandBase = commandBase({
  roles: COMMAND_ROLES,
  invalid: (errors) =>
    new AssessmentException('assessment.command-invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors[0].field, {
      errors,
    }),
});

/** Assessment commands, requests and integration events alike; an invalid one fails as `assessment.command-invalid`. */
export abstract class BaseCommand<R = void> extends AssessmentCommandBase<R> {}

/**
 * Queries carry the same actor and correlation, checked the same way; `R` types `QueryBus.execute` (the bus's
 * query and command markers have the same shape, so the command base is a `Query<R>` as well).
 */
export abstract class BaseQuery<R> extends AssessmentCommandBase<R> implements Query<R> {}

export type CommandActor = BaseCommand<unknown>['actor'];
