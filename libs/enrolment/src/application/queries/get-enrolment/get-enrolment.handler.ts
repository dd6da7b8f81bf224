import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ERASED_IDENTITY, IdentityVault } from '../../personal-data/identity-vault';
import { EnrolmentRecords } from '../../ports/enrolment-records.port';
import { enrolmentView, type EnrolmentView } from '../enrolment-view';
import { requireReadable } from '../../read-access';
import { GetEnrolmentQuery } from './get-enrolment.query';

@QueryHandler(GetEnrolmentQuery)
export class GetEnrolmentHandler implements IQueryHandler<GetEnrolmentQuery> {
  constructor(
    private readonly records: EnrolmentRecords,
    private readonly vault: IdentityVault,
  ) {}

  async execute(query: GetEnrolmentQuery): Promise<EnrolmentView> {
    const row = requireReadable(query.actor, await this.records.get(query.enrolmentId), query.enrolmentId);
    const learner = row.identity ? await this.vault.open(row.identity) : ERASED_IDENTITY;
    return enrolmentView(row, learner);
  }
}
